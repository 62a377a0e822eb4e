package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one active employee adds to the counts: their placement (which decides the cells), their groups, whether
 * they are an active mentee, and the working groups they are appointed to (id: whether in a leadership role), each
 * adding its {@code WORKING_GROUP:<id>} cells. An inactive employee contributes nothing (null).
 */
public record Contribution(Placement placement, Set<Group> groups, boolean mentee, Map<String, Boolean> workingGroups) {

    public Contribution {
        groups = Set.copyOf(groups);
        workingGroups = Map.copyOf(workingGroups);
    }

    /** A contribution outside any working group. */
    public Contribution(Placement placement, Set<Group> groups, boolean mentee) {
        this(placement, groups, mentee, Map.of());
    }

    public static Contribution of(EmployeeState state) {
        return state.active()
                ? new Contribution(state.placement(), state.groups(), state.activeMentee(), state.workingGroups())
                : null;
    }

    /** Every (scope, tier) this contribution counts in: its placement's, then its working groups'. */
    public List<CellKey> cells(PlacementCells placementCells) {
        List<CellKey> cells = placementCells.cells(placement);
        if (workingGroups.isEmpty()) {
            return cells;
        }
        List<CellKey> all = new ArrayList<>(cells);
        workingGroups.forEach((workingGroupId, leads) -> {
            Scope scope = Scope.workingGroup(workingGroupId);
            all.add(new CellKey(scope, Tier.ALL));
            if (leads) {
                all.add(new CellKey(scope, Tier.LEADERSHIP));
            }
        });
        return all;
    }
}
