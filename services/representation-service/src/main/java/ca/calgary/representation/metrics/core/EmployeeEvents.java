package ca.calgary.representation.metrics.core;

import java.util.Optional;

import ca.calgary.representation.events.EmployeeHired;
import ca.calgary.representation.events.EmployeePromoted;
import ca.calgary.representation.events.EmployeeSeparated;
import ca.calgary.representation.events.EmployeeTransferred;
import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipCompleted;
import ca.calgary.representation.events.MentorshipEnrolled;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.MentorshipWithdrawn;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.PromotionApplicationSubmitted;
import ca.calgary.representation.events.PromotionCandidateShortlisted;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SelfIdentificationSubmitted;
import ca.calgary.representation.events.SelfIdentificationWithdrawn;
import ca.calgary.representation.events.WorkingGroupAppointed;
import ca.calgary.representation.events.WorkingGroupAppointmentEnded;
import ca.calgary.representation.metrics.core.EmployeeEvent.Kind;

/** The input events (the Avro contracts) as entries of an employee's history. */
public final class EmployeeEvents {

    private EmployeeEvents() {
    }

    public static EmployeeEvent from(EmploymentEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof EmployeeHired hired) {
            return EmployeeEvent.placement(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.HIRED, placement(hired.getPosition()));
        }
        if (payload instanceof EmployeeTransferred transferred) {
            return EmployeeEvent.placement(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.TRANSFERRED, placement(transferred.getPosition()));
        }
        if (payload instanceof EmployeeSeparated) {
            return EmployeeEvent.separated(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt());
        }
        throw new IllegalArgumentException("unknown employment payload " + payload.getClass().getName());
    }

    public static EmployeeEvent from(SelfIdentificationEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof SelfIdentificationSubmitted submitted) {
            SelfIdentification identification = submitted.getStatus() == SelfIdentificationStatus.RESPONDED
                    ? new SelfIdentification(true, java.util.Set.copyOf(submitted.getIndigenousIdentities()),
                    java.util.Set.copyOf(submitted.getRaceCategories()))
                    : SelfIdentification.NOT_DISCLOSED;
            return EmployeeEvent.selfIdentified(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    identification);
        }
        if (payload instanceof SelfIdentificationWithdrawn) {
            return EmployeeEvent.withdrawn(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt());
        }
        throw new IllegalArgumentException("unknown self-identification payload " + payload.getClass().getName());
    }

    /**
     * A promotion, an application or a shortlisting, as an entry of the employee's history; empty for the opening of
     * a competition, which belongs to no employee (see {@link CompetitionOpening#from}).
     */
    public static Optional<EmployeeEvent> from(PromotionEvent event) {
        if (event.getEmployeeKey() == null) {
            return Optional.empty();
        }
        Object payload = event.getPayload();
        if (payload instanceof EmployeePromoted promoted) {
            return Optional.of(EmployeeEvent.promoted(event.getEventId(), event.getEffectiveDate(),
                    event.getRecordedAt(), placement(promoted.getPosition()), promoted.getCompetitionId()));
        }
        if (payload instanceof PromotionApplicationSubmitted applied) {
            return Optional.of(EmployeeEvent.competition(event.getEventId(), event.getEffectiveDate(),
                    event.getRecordedAt(), Kind.COMPETITION_APPLIED, applied.getCompetitionId()));
        }
        if (payload instanceof PromotionCandidateShortlisted shortlisted) {
            return Optional.of(EmployeeEvent.competition(event.getEventId(), event.getEffectiveDate(),
                    event.getRecordedAt(), Kind.COMPETITION_SHORTLISTED, shortlisted.getCompetitionId()));
        }
        return Optional.empty();
    }

    public static EmployeeEvent from(MentorshipEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof MentorshipEnrolled enrolled) {
            return EmployeeEvent.mentorship(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.MENTORSHIP_ENROLLED, enrolled.getProgramId(), enrolled.getRole());
        }
        if (payload instanceof MentorshipCompleted completed) {
            return EmployeeEvent.mentorship(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.MENTORSHIP_COMPLETED, completed.getProgramId(), null);
        }
        if (payload instanceof MentorshipWithdrawn withdrawn) {
            return EmployeeEvent.mentorship(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.MENTORSHIP_WITHDRAWN, withdrawn.getProgramId(), null);
        }
        if (payload instanceof WorkingGroupAppointed appointed) {
            return EmployeeEvent.workingGroup(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.WORKING_GROUP_APPOINTED, appointed.getWorkingGroupId(), appointed.getRole());
        }
        if (payload instanceof WorkingGroupAppointmentEnded ended) {
            return EmployeeEvent.workingGroup(event.getEventId(), event.getEffectiveDate(), event.getRecordedAt(),
                    Kind.WORKING_GROUP_APPOINTMENT_ENDED, ended.getWorkingGroupId(), null);
        }
        throw new IllegalArgumentException("unknown mentorship payload " + payload.getClass().getName());
    }

    /** Any input envelope as a history entry, if it changes an employee. */
    public static Optional<EmployeeEvent> from(Object envelope) {
        if (envelope instanceof EmploymentEvent employment) {
            return Optional.of(from(employment));
        }
        if (envelope instanceof SelfIdentificationEvent selfIdentification) {
            return Optional.of(from(selfIdentification));
        }
        if (envelope instanceof PromotionEvent promotion) {
            return from(promotion);
        }
        if (envelope instanceof MentorshipEvent mentorship) {
            return Optional.of(from(mentorship));
        }
        throw new IllegalArgumentException("not an input event: " + envelope.getClass().getName());
    }

    static Placement placement(Position position) {
        return new Placement(position.getLevel(), position.getOrgUnitPath(), position.getServiceLine());
    }
}
