package ca.calgary.representation.metrics.core;

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
}
