package ca.calgary.representation.ingest.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which eventIds (and Idempotency-Keys) this service has already accepted, with a keyed fingerprint of what each
 * said, keyed by their pseudonyms (eventKey, {@code Pseudonymizer.requestKey}): a publisher's own ids may embed
 * employee ids. Backed by the compacted topic {@value #TOPIC}, written in the same Kafka transaction as the events,
 * and read by every instance from the beginning at start and continuously after, so a repeat is recognised by any
 * instance and after restarts. Only fingerprints are kept: no employee id or key, no eventId, no event content.
 */
public class AcceptedEventLedger implements AutoCloseable {

    public static final String TOPIC = "ingest.accepted-events";
    static final String EVENT_PREFIX = "event:";
    static final String REQUEST_PREFIX = "request:";

    private static final Logger log = LoggerFactory.getLogger(AcceptedEventLedger.class);

    /** An entry: the fingerprint, and whether it is still being published by a request of this instance. */
    record Entry(String fingerprint, boolean pending) {
    }

    private final String topic;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KafkaConsumer<String, String> consumer;
    private Map<String, Object> settings;
    private Thread reader;

    public AcceptedEventLedger() {
        this(TOPIC);
    }

    AcceptedEventLedger(String topic) {
        this.topic = topic;
    }

    /** Starts reading the ledger topic; {@link #isCaughtUp()} turns true once everything written before is known. */
    public synchronized void start(Map<String, Object> consumerProperties) {
        settings = new HashMap<>(consumerProperties);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        reader = new Thread(this::readForever, "accepted-event-ledger");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Reads the ledger until closed. A topic whose partitions the broker does not list yet (just created, on a fresh
     * cluster) is waited for; a lost connection reconnects and reads again from the beginning (entries are merged).
     */
    private void readForever() {
        while (!closed.get()) {
            consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
            try {
                read(consumer);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("the accepted-event ledger cannot read {} ({}); retrying", topic, e.getMessage());
                if (!pause()) {
                    return;
                }
            } finally {
                consumer.close();
            }
        }
    }

    private void read(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = List.of();
        while (partitions.isEmpty()) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                log.info("waiting for the partitions of {}", topic);
                if (!pause()) {
                    throw new WakeupException();
                }
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (!closed.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() == null) {
                    entries.remove(record.key());
                } else {
                    entries.merge(record.key(), new Entry(record.value(), false),
                            (mine, theirs) -> mine.pending() ? mine : theirs);
                }
            }
            if (!caughtUp.get() && partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                caughtUp.set(true);
                log.info("accepted-event ledger loaded: {} entries", entries.size());
            }
        }
    }

    /** Waits a second between attempts; false when the ledger was closed meanwhile. */
    private boolean pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closed.get();
    }

    public boolean isCaughtUp() {
        return caughtUp.get();
    }

    /**
     * The fingerprint accepted for this event, if any (also while another request is publishing it), found by its
     * eventKey; or by its clear eventId, as versions before eventIds were pseudonymised wrote it (such entries are
     * only read, and leave the topic with the idempotency window).
     */
    Optional<Entry> event(String eventKey, String legacyEventId) {
        return find(EVENT_PREFIX, eventKey, legacyEventId);
    }

    /** The request fingerprint of this Idempotency-Key, by its pseudonym or, as older versions wrote it, in clear. */
    Optional<Entry> request(String requestKey, String legacyIdempotencyKey) {
        return find(REQUEST_PREFIX, requestKey, legacyIdempotencyKey);
    }

    private Optional<Entry> find(String prefix, String key, String legacyKey) {
        return Optional.ofNullable(entries.get(prefix + key))
                .or(() -> Optional.ofNullable(entries.get(prefix + legacyKey)));
    }

    /** Claims an eventKey for a request about to publish it; false if already known (accepted or in flight). */
    boolean reserve(String eventKey, String fingerprint) {
        return entries.putIfAbsent(EVENT_PREFIX + eventKey, new Entry(fingerprint, true)) == null;
    }

    /** The publication failed: forget the claim so a retry can succeed. */
    void release(String eventKey) {
        entries.computeIfPresent(EVENT_PREFIX + eventKey, (key, entry) -> entry.pending() ? null : entry);
    }

    /** The publication was committed. */
    void confirm(String eventKey, String fingerprint) {
        entries.put(EVENT_PREFIX + eventKey, new Entry(fingerprint, false));
    }

    void confirmRequest(String requestKey, String fingerprint) {
        entries.put(REQUEST_PREFIX + requestKey, new Entry(fingerprint, false));
    }

    @Override
    public void close() {
        closed.set(true);
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

}
