package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Many employees' contribution changes summed into signed count changes per (scope, tier): each employee's old
 * contribution is subtracted from its cells and the new one added (as a re-grouped KTable does), so what reaches the
 * live counts is one coalesced change per (scope, tier), not one per employee, and changes that cancel out are never
 * sent. Mutable; not thread-safe.
 */
public final class ContributionChanges {

    private final PlacementCells cells;
    private final Map<CellKey, GroupCounts> changes = new HashMap<>();

    public ContributionChanges(PlacementCells cells) {
        this.cells = cells;
    }

    /** One employee's change from what they counted as before to what they count as now (null: nothing). */
    public void add(Contribution before, Contribution after) {
        if (Objects.equals(before, after)) {
            return;
        }
        add(before, -1);
        add(after, 1);
    }

    private void add(Contribution contribution, int sign) {
        if (contribution == null) {
            return;
        }
        for (CellKey key : cells.cells(contribution.placement())) {
            changes.put(key, changes.getOrDefault(key, GroupCounts.empty())
                    .plus(contribution.groups(), contribution.mentee(), sign));
        }
    }

    /** The (scope, tier) whose counts change, each with its non-zero change. */
    public Map<CellKey, GroupCounts> cells() {
        Map<CellKey, GroupCounts> changed = new HashMap<>(changes);
        changed.values().removeIf(GroupCounts::isEmpty);
        return changed;
    }
}
