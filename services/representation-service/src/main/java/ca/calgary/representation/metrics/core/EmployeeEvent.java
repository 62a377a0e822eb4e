package ca.calgary.representation.metrics.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.WorkingGroupRole;

/**
 * One event of an employee's history, reduced to what the state needs. Folded in order of (effectiveDate,
 * recordedAt, eventId) (SPEC §4), whatever the order of arrival.
 *
 * @param placement      for HIRED, TRANSFERRED, PROMOTED
 * @param identification for SELF_ID_SUBMITTED (null once erased by a later withdrawal)
 * @param programId      for the mentorship kinds
 * @param role           for MENTORSHIP_ENROLLED
 * @param competitionId  for the competition kinds, and for PROMOTED when the promotion came from a competition
 * @param workingGroupId   for the working-group kinds
 * @param workingGroupRole for WORKING_GROUP_APPOINTED
 */
public record EmployeeEvent(String eventId, LocalDate effectiveDate, Instant recordedAt, Kind kind, Placement placement,
                            SelfIdentification identification, String programId, MentorshipRole role,
                            String competitionId, String workingGroupId, WorkingGroupRole workingGroupRole) {

    public enum Kind {
        HIRED, TRANSFERRED, PROMOTED, SEPARATED, SELF_ID_SUBMITTED, SELF_ID_WITHDRAWN,
        MENTORSHIP_ENROLLED, MENTORSHIP_COMPLETED, MENTORSHIP_WITHDRAWN,
        COMPETITION_APPLIED, COMPETITION_SHORTLISTED,
        WORKING_GROUP_APPOINTED, WORKING_GROUP_APPOINTMENT_ENDED;

        public boolean isWorkingGroup() {
            return this == WORKING_GROUP_APPOINTED || this == WORKING_GROUP_APPOINTMENT_ENDED;
        }
    }

    /** The fold order of SPEC §4. */
    public static final Comparator<EmployeeEvent> FOLD_ORDER = Comparator.comparing(EmployeeEvent::effectiveDate)
            .thenComparing(EmployeeEvent::recordedAt)
            .thenComparing(EmployeeEvent::eventId);

    public static EmployeeEvent placement(String eventId, LocalDate effective, Instant recorded, Kind kind,
                                          Placement placement) {
        return new EmployeeEvent(eventId, effective, recorded, kind, placement, null, null, null, null, null, null);
    }

    public static EmployeeEvent promoted(String eventId, LocalDate effective, Instant recorded, Placement placement,
                                         String competitionId) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.PROMOTED, placement, null, null, null,
                competitionId, null, null);
    }

    /** An application to a competition (COMPETITION_APPLIED) or a shortlisting in one (COMPETITION_SHORTLISTED). */
    public static EmployeeEvent competition(String eventId, LocalDate effective, Instant recorded, Kind kind,
                                            String competitionId) {
        return new EmployeeEvent(eventId, effective, recorded, kind, null, null, null, null, competitionId, null,
                null);
    }

    public static EmployeeEvent separated(String eventId, LocalDate effective, Instant recorded) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.SEPARATED, null, null, null, null, null, null,
                null);
    }

    public static EmployeeEvent selfIdentified(String eventId, LocalDate effective, Instant recorded,
                                               SelfIdentification identification) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.SELF_ID_SUBMITTED, null, identification, null, null,
                null, null, null);
    }

    public static EmployeeEvent withdrawn(String eventId, LocalDate effective, Instant recorded) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.SELF_ID_WITHDRAWN, null, null, null, null, null,
                null, null);
    }

    public static EmployeeEvent mentorship(String eventId, LocalDate effective, Instant recorded, Kind kind,
                                           String programId, MentorshipRole role) {
        return new EmployeeEvent(eventId, effective, recorded, kind, null, null, programId, role, null, null, null);
    }

    /** An appointment to a working group in a role (WORKING_GROUP_APPOINTED) or its end (role null). */
    public static EmployeeEvent workingGroup(String eventId, LocalDate effective, Instant recorded, Kind kind,
                                             String workingGroupId, WorkingGroupRole role) {
        return new EmployeeEvent(eventId, effective, recorded, kind, null, null, null, null, null, workingGroupId,
                role);
    }

    /** The same event with its categories erased (a later withdrawal supersedes it). */
    EmployeeEvent erased() {
        return new EmployeeEvent(eventId, effectiveDate, recordedAt, kind, placement, null, programId, role,
                competitionId, workingGroupId, workingGroupRole);
    }
}
