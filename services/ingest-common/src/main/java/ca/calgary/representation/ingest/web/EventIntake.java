package ca.calgary.representation.ingest.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.calgary.representation.ingest.core.EventType;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.ingest.core.Pseudonymizer;
import ca.calgary.representation.ingest.core.ValidatedEvent;
import ca.calgary.representation.ingest.core.Violation;
import ca.calgary.representation.ingest.web.IngestReceipt.EventReceipt;
import ca.calgary.representation.ingest.web.IngestReceipt.Status;
import org.springframework.http.HttpStatus;

/**
 * Takes validated events to Kafka: pseudonymises them, recognises repeats of already accepted eventIds (same
 * content: reported as DUPLICATE and not published again; different content: the request is refused), and
 * publishes the rest atomically with their ledger entries.
 */
class EventIntake {

    private final Pseudonymizer pseudonymizer;
    private final AcceptedEventLedger ledger;
    private final EventPublisher publisher;
    private final IngestStartup startup;
    private final IngestMetrics metrics;
    private final Clock clock;

    EventIntake(Pseudonymizer pseudonymizer, AcceptedEventLedger ledger, EventPublisher publisher,
                IngestStartup startup, IngestMetrics metrics, Clock clock) {
        this.pseudonymizer = pseudonymizer;
        this.ledger = ledger;
        this.publisher = publisher;
        this.startup = startup;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param events         distinct valid events of one request, in input order
     * @param repeats        items of the request that repeated one of {@code events} exactly
     * @param caller         the authenticated publisher, the {@code source} of events that name none
     * @param idempotencyKey the request's Idempotency-Key header, if any
     * @param requestBody    the request's content, to recognise a reused Idempotency-Key
     */
    IngestReceipt accept(List<ValidatedEvent> events, int repeats, String caller, Optional<String> idempotencyKey,
                         byte[] requestBody) {
        if (!startup.isReady()) {
            throw new EventLogUnavailableException("the service is starting: Kafka, the schema registry or the "
                    + "accepted-event ledger is not ready yet", null);
        }
        String requestFingerprint = pseudonymizer.fingerprint(new String(requestBody, StandardCharsets.UTF_8));
        Optional<String> requestKey = idempotencyKey.map(pseudonymizer::requestKey);
        requestKey.flatMap(key -> ledger.request(key, idempotencyKey.get())).ifPresent(entry -> {
            if (!Pseudonymizer.sameFingerprint(entry.fingerprint(), requestFingerprint)) {
                throw new RefusedInputException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key reused", "Idempotency-Key '" + idempotencyKey.get() + "' was already used for "
                        + "a different request; use a new key for new content", List.of(),
                        RefusedInputException.ItemNumbering.NONE);
            }
        });

        Instant now = clock.instant();
        List<OutgoingEvent> fresh = new ArrayList<>();
        List<EventReceipt> receipts = new ArrayList<>();
        List<Violation> conflicts = new ArrayList<>();
        List<String> reserved = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            ValidatedEvent event = events.get(index);
            // Events that do not say when HR recorded them are stamped a microsecond apart in request order: ties of
            // (effectiveDate, recordedAt) are broken by the pseudonymised eventId, whose order is no one's choice.
            OutgoingEvent outgoing = OutgoingEvent.of(event, pseudonymizer, now.plus(index, ChronoUnit.MICROS),
                    caller);
            Optional<AcceptedEventLedger.Entry> known = ledger.event(outgoing.eventKey(), event.eventId());
            if (known.isEmpty() && ledger.reserve(outgoing.eventKey(), outgoing.fingerprint())) {
                reserved.add(outgoing.eventKey());
                fresh.add(outgoing);
                receipts.add(new EventReceipt(event.eventId(), outgoing.eventKey(), event.type().canonicalName(),
                        Status.ACCEPTED));
                continue;
            }
            AcceptedEventLedger.Entry entry = known.orElseGet(
                    () -> ledger.event(outgoing.eventKey(), event.eventId()).orElseThrow());
            if (entry.pending()) {
                conflicts.add(Violation.of("eventId", Violation.Code.CONFLICTING_EVENT_ID, "eventId '"
                        + event.eventId() + "' is being accepted by another request right now; retry shortly"));
            } else if (Pseudonymizer.sameFingerprint(entry.fingerprint(), outgoing.fingerprint())) {
                receipts.add(new EventReceipt(event.eventId(), outgoing.eventKey(), event.type().canonicalName(),
                        Status.DUPLICATE));
            } else {
                conflicts.add(Violation.of("eventId", Violation.Code.CONFLICTING_EVENT_ID, "eventId '"
                        + event.eventId() + "' was already accepted with different content; an event cannot be "
                        + "changed, publish a new event with its own eventId"));
            }
        }
        if (!conflicts.isEmpty()) {
            reserved.forEach(ledger::release);
            conflicts.forEach(violation -> metrics.rejected("unknown", violation.code().tag()));
            throw new RefusedInputException(HttpStatus.CONFLICT, ProblemTypes.EVENT_ID_CONFLICT, "eventId conflict",
                    conflicts.size() + " event(s) reuse an eventId; nothing was accepted", conflicts,
                    RefusedInputException.ItemNumbering.NONE);
        }
        if (!fresh.isEmpty() || requestKey.isPresent()) {
            try {
                publisher.publish(fresh, requestKey, requestFingerprint);
            } catch (RuntimeException e) {
                reserved.forEach(ledger::release);
                throw e;
            }
        }
        fresh.forEach(event -> {
            ledger.confirm(event.eventKey(), event.fingerprint());
            metrics.accepted(event.type());
        });
        requestKey.ifPresent(key -> ledger.confirmRequest(key, requestFingerprint));
        int duplicates = repeats;
        for (EventReceipt receipt : receipts) {
            if (receipt.status() == Status.DUPLICATE) {
                duplicates++;
                metrics.duplicate(EventType.byCanonicalName(receipt.type()).orElseThrow());
            }
        }
        return new IngestReceipt(fresh.size(), duplicates, receipts);
    }
}
