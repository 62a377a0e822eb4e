package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Many employees' contribution changes summed into signed count changes per (scope, tier): each employee's old
 * contribution is subtracted from its cells and the new one added (as a re-grouped KTable does), so what reaches the
 * live counts is one coalesced change per (scope, tier), not one per employee, and changes that cancel out are never
 * sent. Beside the counts it notes who changed in each (scope, tier) ({@link Releases}: a release needs k of them),
 * at most {@code contributorsPerCell} per (scope, tier), so what it sends stays bounded by the cells. Mutable; not
 * thread-safe.
 */
public final class ContributionChanges {

    private final PlacementCells cells;
    private final int contributorsPerCell;
    private final Map<CellKey, GroupCounts> changes = new HashMap<>();
    private final Map<CellKey, Set<Long>> contributors = new HashMap<>();

    public ContributionChanges(PlacementCells cells, int contributorsPerCell) {
        this.cells = cells;
        this.contributorsPerCell = contributorsPerCell;
    }

    /**
     * One employee's change from what they counted as before to what they count as now (null: nothing). The
     * employee has changed in a (scope, tier) they join, leave, or stay in with other groups or mentee status.
     */
    public void add(String employeeKey, Contribution before, Contribution after) {
        if (Objects.equals(before, after)) {
            return;
        }
        List<CellKey> cellsBefore = before == null ? List.of() : before.cells(cells);
        List<CellKey> cellsAfter = after == null ? List.of() : after.cells(cells);
        add(before, cellsBefore, -1);
        add(after, cellsAfter, 1);
        long contributor = Releases.contributor(employeeKey);
        changedCells(before, cellsBefore, after, cellsAfter,
                key -> noteContributor(contributors, key, contributor, contributorsPerCell));
    }

    /**
     * The (scope, tier)s in which a change from one contribution to another changes the counts: those it joins or
     * leaves, and every one of either when its groups or mentee status changed.
     */
    static void changedCells(Contribution before, List<CellKey> cellsBefore, Contribution after,
                             List<CellKey> cellsAfter, Consumer<CellKey> changed) {
        boolean sameCounts = before != null && after != null && before.groups().equals(after.groups())
                && before.mentee() == after.mentee();
        for (CellKey key : cellsBefore) {
            if (!sameCounts || !cellsAfter.contains(key)) {
                changed.accept(key);
            }
        }
        for (CellKey key : cellsAfter) {
            if (!sameCounts || !cellsBefore.contains(key)) {
                changed.accept(key);
            }
        }
    }

    /** Notes an employee as changed in a (scope, tier), unless {@code limit} are noted there already. */
    static void noteContributor(Map<CellKey, Set<Long>> noted, CellKey key, long contributor, int limit) {
        Set<Long> employees = noted.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (employees.size() < limit) {
            employees.add(contributor);
        }
    }

    private void add(Contribution contribution, List<CellKey> itsCells, int sign) {
        for (CellKey key : itsCells) {
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

    /** The employees whose contribution changed, per (scope, tier) (digests, {@link Releases#contributor}). */
    public Map<CellKey, Set<Long>> contributors() {
        Map<CellKey, Set<Long>> changed = new HashMap<>();
        contributors.forEach((key, noted) -> changed.put(key, Set.copyOf(noted)));
        return changed;
    }
}
