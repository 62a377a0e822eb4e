package ca.calgary.representation.metrics.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import ca.calgary.representation.events.MentorshipRole;

/**
 * One event of an employee's history, reduced to what the state needs. Folded in order of (effectiveDate,
 * recordedAt, eventId) (SPEC §4), whatever the order of arrival.
 *
 * @param placement      for HIRED, TRANSFERRED, PROMOTED
 * @param identification for SELF_ID_SUBMITTED (null once erased by a later withdrawal)
 * @param programId      for the mentorship kinds
 * @param role           for MENTORSHIP_ENROLLED
 */
public record EmployeeEvent(String eventId, LocalDate effectiveDate, Instant recordedAt, Kind kind, Placement placement,
                            SelfIdentification identification, String programId, MentorshipRole role) {

    public enum Kind {
        HIRED, TRANSFERRED, PROMOTED, SEPARATED, SELF_ID_SUBMITTED, SELF_ID_WITHDRAWN,
        MENTORSHIP_ENROLLED, MENTORSHIP_COMPLETED, MENTORSHIP_WITHDRAWN
    }

    /** The fold order of SPEC §4. */
    public static final Comparator<EmployeeEvent> FOLD_ORDER = Comparator.comparing(EmployeeEvent::effectiveDate)
            .thenComparing(EmployeeEvent::recordedAt)
            .thenComparing(EmployeeEvent::eventId);

    public static EmployeeEvent placement(String eventId, LocalDate effective, Instant recorded, Kind kind,
                                          Placement placement) {
        return new EmployeeEvent(eventId, effective, recorded, kind, placement, null, null, null);
    }

    public static EmployeeEvent separated(String eventId, LocalDate effective, Instant recorded) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.SEPARATED, null, null, null, null);
    }

    public static EmployeeEvent selfIdentified(String eventId, LocalDate effective, Instant recorded,
                                               SelfIdentification identification) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.SELF_ID_SUBMITTED, null, identification, null, null);
    }

    public static EmployeeEvent withdrawn(String eventId, LocalDate effective, Instant recorded) {
        return new EmployeeEvent(eventId, effective, recorded, Kind.SELF_ID_WITHDRAWN, null, null, null, null);
    }

    public static EmployeeEvent mentorship(String eventId, LocalDate effective, Instant recorded, Kind kind,
                                           String programId, MentorshipRole role) {
        return new EmployeeEvent(eventId, effective, recorded, kind, null, null, programId, role);
    }

    /** The same event with its categories erased (a later withdrawal supersedes it). */
    EmployeeEvent erased() {
        return new EmployeeEvent(eventId, effectiveDate, recordedAt, kind, placement, null, programId, role);
    }
}
