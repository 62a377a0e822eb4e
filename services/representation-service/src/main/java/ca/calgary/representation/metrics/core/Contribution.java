package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one active employee adds to the counts: their placement (which decides the cells), their groups and whether
 * they are an active mentee. An inactive employee contributes nothing (null).
 */
public record Contribution(Placement placement, Set<Group> groups, boolean mentee) {

    public Contribution {
        groups = Set.copyOf(groups);
    }

    public static Contribution of(EmployeeState state) {
        return state.active() ? new Contribution(state.placement(), state.groups(), state.activeMentee()) : null;
    }

    /** The (scope, tier) keys this contribution counts in. */
    public List<CellKey> cells(Set<String> publicSafetyServiceLines) {
        return new ArrayList<>(CellKey.of(placement, publicSafetyServiceLines));
    }
}
