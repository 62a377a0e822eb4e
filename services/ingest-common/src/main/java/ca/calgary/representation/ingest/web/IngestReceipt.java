package ca.calgary.representation.ingest.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the service accepted. Every event listed is durably in Kafka (or was already: DUPLICATE).
 *
 * @param accepted   events published by this request
 * @param duplicates events whose eventId had already been accepted with the same content (nothing new published)
 * @param events     each event's outcome, in input order
 */
@Schema(description = "Outcome of an accepted request: every listed event is durably in Kafka")
public record IngestReceipt(int accepted, int duplicates, List<EventReceipt> events) {

    /**
     * One event's outcome.
     *
     * @param eventId  the eventId as the publisher sent it (it never enters Kafka)
     * @param eventKey the pseudonymised eventId, the {@code eventId} the event carries in Kafka and dead letters
     */
    public record EventReceipt(String eventId,
                               @Schema(description = "The eventId as it travels in Kafka: base64url(HMAC-SHA256(key, "
                                       + "'representation-monitor/event-id' + NUL + eventId)), unpadded")
                               String eventKey, String type, Status status) {
    }

    public enum Status {
        /** Published now. */
        ACCEPTED,
        /** Already accepted earlier (or earlier in the same batch) with the same content; not published again. */
        DUPLICATE
    }
}
