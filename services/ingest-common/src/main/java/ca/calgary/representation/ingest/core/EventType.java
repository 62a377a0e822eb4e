package ca.calgary.representation.ingest.core;

import java.util.Arrays;
import java.util.Optional;

import ca.calgary.representation.events.contract.EventTopic;

/** The input event types of SPEC §3, by their canonical {@code type} name, with their service and topic. */
public enum EventType {
    EMPLOYEE_HIRED("EmployeeHired", IngestService.HIRING, EventTopic.EMPLOYMENT),
    EMPLOYEE_TRANSFERRED("EmployeeTransferred", IngestService.HIRING, EventTopic.EMPLOYMENT),
    EMPLOYEE_SEPARATED("EmployeeSeparated", IngestService.HIRING, EventTopic.EMPLOYMENT),
    SELF_IDENTIFICATION_SUBMITTED("SelfIdentificationSubmitted", IngestService.HIRING, EventTopic.SELF_IDENTIFICATION),
    SELF_IDENTIFICATION_WITHDRAWN("SelfIdentificationWithdrawn", IngestService.HIRING, EventTopic.SELF_IDENTIFICATION),
    PROMOTION_COMPETITION_OPENED("PromotionCompetitionOpened", IngestService.PROMOTION, EventTopic.PROMOTION),
    PROMOTION_APPLICATION_SUBMITTED("PromotionApplicationSubmitted", IngestService.PROMOTION, EventTopic.PROMOTION),
    PROMOTION_CANDIDATE_SHORTLISTED("PromotionCandidateShortlisted", IngestService.PROMOTION, EventTopic.PROMOTION),
    EMPLOYEE_PROMOTED("EmployeePromoted", IngestService.PROMOTION, EventTopic.PROMOTION),
    MENTORSHIP_ENROLLED("MentorshipEnrolled", IngestService.MENTORSHIP, EventTopic.MENTORSHIP),
    MENTORSHIP_COMPLETED("MentorshipCompleted", IngestService.MENTORSHIP, EventTopic.MENTORSHIP),
    MENTORSHIP_WITHDRAWN("MentorshipWithdrawn", IngestService.MENTORSHIP, EventTopic.MENTORSHIP),
    WORKING_GROUP_APPOINTED("WorkingGroupAppointed", IngestService.MENTORSHIP, EventTopic.MENTORSHIP),
    WORKING_GROUP_APPOINTMENT_ENDED("WorkingGroupAppointmentEnded", IngestService.MENTORSHIP, EventTopic.MENTORSHIP);

    private final String canonicalName;
    private final IngestService service;
    private final EventTopic topic;

    EventType(String canonicalName, IngestService service, EventTopic topic) {
        this.canonicalName = canonicalName;
        this.service = service;
        this.topic = topic;
    }

    /** The {@code type} value in canonical JSON, and the Avro payload record name. */
    public String canonicalName() {
        return canonicalName;
    }

    public IngestService service() {
        return service;
    }

    public EventTopic topic() {
        return topic;
    }

    /** Only a competition's opening has no employee: it is keyed by its competitionId. */
    public boolean hasEmployee() {
        return this != PROMOTION_COMPETITION_OPENED;
    }

    public static Optional<EventType> byCanonicalName(String name) {
        return Arrays.stream(values()).filter(type -> type.canonicalName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return canonicalName;
    }
}
