package ca.calgary.representation.ingest.web;

import java.util.List;
import java.util.Optional;

import ca.calgary.representation.ingest.core.OutgoingEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes a request's events, and their ledger entries, in one Kafka transaction: the caller hears "accepted" only
 * after the commit, which waits for every record to be acknowledged by all in-sync replicas (acks=all, idempotent
 * producer). A failure aborts the transaction, so a batch is never half-published.
 */
class EventPublisher {

    private final KafkaTemplate<String, Object> template;

    EventPublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    /**
     * Publishes atomically; throws {@link EventLogUnavailableException} when Kafka or the registry fails.
     *
     * @param requestKey the pseudonymised Idempotency-Key of the request, if it had one
     */
    void publish(List<OutgoingEvent> events, Optional<String> requestKey, String requestFingerprint) {
        try {
            template.executeInTransaction(operations -> {
                for (OutgoingEvent event : events) {
                    operations.send(new ProducerRecord<>(event.topic().topicName(), event.key(), event.value()));
                    operations.send(AcceptedEventLedger.TOPIC, AcceptedEventLedger.EVENT_PREFIX + event.eventKey(),
                            event.fingerprint());
                }
                requestKey.ifPresent(key -> operations.send(AcceptedEventLedger.TOPIC,
                        AcceptedEventLedger.REQUEST_PREFIX + key, requestFingerprint));
                return null;
            });
        } catch (RuntimeException e) {
            throw new EventLogUnavailableException("Kafka did not acknowledge the events (" + rootCause(e) + ")", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
