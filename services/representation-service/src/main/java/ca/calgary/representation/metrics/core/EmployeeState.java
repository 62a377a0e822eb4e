package ca.calgary.representation.metrics.core;

import java.util.Map;
import java.util.Set;

/**
 * An employee as of a date.
 *
 * @param placement          null when not active
 * @param identification     the latest self-identification (NOT_DISCLOSED when none, declined or withdrawn)
 * @param activeMentee       enrolled as a mentee in a programme not yet completed or withdrawn
 * @param unexplainedEvents  events that could not apply because the employee was not active at their date (a late
 *                           hire event may explain them); reported as a data-quality count
 * @param workingGroups      the working groups the employee is appointed to, each with whether the role is one of
 *                           its leadership (CHAIR, CO_CHAIR, LEAD); they count there only while active (SPEC §5)
 */
public record EmployeeState(Placement placement, SelfIdentification identification, boolean activeMentee,
                            int unexplainedEvents, Map<String, Boolean> workingGroups) {

    public static final EmployeeState NONE = new EmployeeState(null, SelfIdentification.NOT_DISCLOSED, false, 0,
            Map.of());

    public EmployeeState {
        workingGroups = Map.copyOf(workingGroups);
    }

    public boolean active() {
        return placement != null;
    }

    public Set<Group> groups() {
        return identification.groups();
    }
}
