package ca.calgary.representation.metrics.core;

import java.util.Set;

/**
 * An employee as of a date.
 *
 * @param placement          null when not active
 * @param identification     the latest self-identification (NOT_DISCLOSED when none, declined or withdrawn)
 * @param activeMentee       enrolled as a mentee in a programme not yet completed or withdrawn
 * @param unexplainedEvents  events that could not apply because the employee was not active at their date (a late
 *                           hire event may explain them); reported as a data-quality count
 */
public record EmployeeState(Placement placement, SelfIdentification identification, boolean activeMentee,
                            int unexplainedEvents) {

    public static final EmployeeState NONE = new EmployeeState(null, SelfIdentification.NOT_DISCLOSED, false, 0);

    public boolean active() {
        return placement != null;
    }

    public Set<Group> groups() {
        return identification.groups();
    }
}
