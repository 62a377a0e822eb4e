package ca.calgary.representation.events.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SeparationReason;
import ca.calgary.representation.events.contract.Payloads;
import org.apache.avro.specific.SpecificRecord;

/** One event of every type of SPEC §3, with the topic and key it travels with. */
final class SampleEvents {

    record Sample(EventTopic topic, String key, SpecificRecord value) {
    }

    static final String EMPLOYEE_KEY = "q3N0m8dF0vE2yM9hJ1bX8c4kT7sW5rL6pA2uZ0iG1oY";
    private static final LocalDate DATE = LocalDate.of(2025, 3, 1);
    private static final Instant RECORDED = Instant.parse("2025-03-01T09:00:00.123456Z");

    private SampleEvents() {
    }

    static Position sergeant() {
        return new Position("POL-SUP", "Sergeant", Level.SUPERVISOR,
                "City/Public Safety/Calgary Police Service/Patrol", "POLICE");
    }

    static Position inspector() {
        return new Position("POL-MAN", "Inspector", Level.MANAGER,
                "City/Public Safety/Calgary Police Service/Patrol", "POLICE");
    }

    static List<Sample> oneOfEachType() {
        return List.of(
                employment("e-1", Payloads.employeeHired(sergeant())),
                employment("e-2", Payloads.employeeTransferred(inspector())),
                employment("e-3", Payloads.employeeSeparated(SeparationReason.RETIREMENT)),
                selfId("s-1", Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.RESPONDED,
                        List.of(IndigenousIdentity.METIS), List.of(RaceCategory.BLACK, RaceCategory.WHITE))),
                selfId("s-2", Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.PREFER_NOT_TO_ANSWER,
                        List.of(), List.of())),
                selfId("s-3", Payloads.selfIdentificationWithdrawn()),
                new Sample(EventTopic.PROMOTION, "CPS-2025-017", PromotionEvent.newBuilder().setEventId("p-1")
                        .setEmployeeKey(null).setEffectiveDate(DATE).setRecordedAt(RECORDED).setSource("sap-hr")
                        .setPayload(Payloads.promotionCompetitionOpened("CPS-2025-017", inspector())).build()),
                promotion("p-2", Payloads.promotionApplicationSubmitted("CPS-2025-017")),
                promotion("p-3", Payloads.promotionCandidateShortlisted("CPS-2025-017")),
                promotion("p-4", Payloads.employeePromoted(inspector(), "CPS-2025-017")),
                promotion("p-5", Payloads.employeePromoted(inspector(), null)),
                mentorship("m-1", Payloads.mentorshipEnrolled("LEAD-2025", MentorshipRole.MENTEE)),
                mentorship("m-2", Payloads.mentorshipCompleted("LEAD-2025")),
                mentorship("m-3", Payloads.mentorshipWithdrawn("LEAD-2025")));
    }

    private static Sample employment(String eventId, Object payload) {
        return new Sample(EventTopic.EMPLOYMENT, EMPLOYEE_KEY, new EmploymentEvent(eventId, EMPLOYEE_KEY, DATE,
                RECORDED, "sap-hr", payload, null));
    }

    private static Sample selfId(String eventId, Object payload) {
        return new Sample(EventTopic.SELF_IDENTIFICATION, EMPLOYEE_KEY, new SelfIdentificationEvent(eventId,
                EMPLOYEE_KEY, DATE, RECORDED, "sap-hr", payload, null));
    }

    private static Sample promotion(String eventId, Object payload) {
        return new Sample(EventTopic.PROMOTION, EMPLOYEE_KEY, new PromotionEvent(eventId, EMPLOYEE_KEY, DATE,
                RECORDED, "sap-hr", payload, null));
    }

    private static Sample mentorship(String eventId, Object payload) {
        return new Sample(EventTopic.MENTORSHIP, EMPLOYEE_KEY, new MentorshipEvent(eventId, EMPLOYEE_KEY, DATE,
                RECORDED, "sap-hr", payload, null));
    }
}
