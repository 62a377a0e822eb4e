package ca.calgary.representation.ingest.core;

import java.time.Instant;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionCompetitionOpened;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.Payloads;
import org.apache.avro.specific.SpecificRecord;

/**
 * A validated event as it goes to Kafka: pseudonymised (its employeeId and its eventId), keyed and in its topic's
 * envelope, with the fingerprint that recognises a repeat of its eventId.
 *
 * @param eventId  the publisher's eventId, for the publisher's receipt only: it never enters Kafka
 * @param eventKey the pseudonymised eventId, the envelope's {@code eventId} and the accepted-event ledger's key
 */
public record OutgoingEvent(EventType type, String eventId, String eventKey, EventTopic topic, String key,
                            SpecificRecord value, String fingerprint) {

    /**
     * @param recordedAt used when the publisher did not say when HR recorded the event
     * @param source     used when the publisher did not name its system (the authenticated publisher)
     */
    public static OutgoingEvent of(ValidatedEvent event, Pseudonymizer pseudonymizer, Instant recordedAt,
                                   String source) {
        String employeeKey = event.employeeId() == null ? null : pseudonymizer.employeeKey(event.employeeId());
        String eventKey = pseudonymizer.eventKey(event.eventId());
        Instant recorded = event.recordedAt() != null ? event.recordedAt() : recordedAt;
        String publisher = event.source() != null ? event.source() : source;
        String declaredType = Payloads.typeOf(event.payload());
        SpecificRecord value = switch (event.type().topic()) {
            case EMPLOYMENT -> new EmploymentEvent(eventKey, employeeKey, event.effectiveDate(), recorded,
                    publisher, event.payload(), declaredType);
            case SELF_IDENTIFICATION -> new SelfIdentificationEvent(eventKey, employeeKey,
                    event.effectiveDate(), recorded, publisher, event.payload(), declaredType);
            case PROMOTION -> new PromotionEvent(eventKey, employeeKey, event.effectiveDate(), recorded,
                    publisher, event.payload(), declaredType);
            case MENTORSHIP -> new MentorshipEvent(eventKey, employeeKey, event.effectiveDate(), recorded,
                    publisher, event.payload(), declaredType);
        };
        String key = event.payload() instanceof PromotionCompetitionOpened opened ? opened.getCompetitionId()
                : employeeKey;
        return new OutgoingEvent(event.type(), event.eventId(), eventKey, event.type().topic(), key, value,
                pseudonymizer.fingerprint(event.canonicalContent()));
    }
}
