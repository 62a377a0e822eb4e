package ca.calgary.representation.metrics.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.core.CellKey;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Publishes tables of figures with a revision per key: a record is sent only when its figures differ from what was
 * last published under its key, with the next revision, so readers can tell a restatement; a key that is no longer
 * in its table gets a tombstone (its revision is kept, so a later return continues the count). What was published is
 * kept in a store as {@code revision TAB digest}, keyed by the record's key: the digest of the figures' text (128
 * bits of SHA-256) stands for the text, which would make this store several times larger than the topic it guards.
 *
 * @param <V> the published record type
 */
final class RevisedPublication<V> {

    /** Figures to publish: the digest of their text is the signature; the record is built only when they changed. */
    record Candidate<V>(Object figures, LongFunction<V> atRevision) {
        String signature() {
            return digest(figures.toString());
        }
    }

    private static final int DIGEST_BYTES = 16;

    /**
     * How many records one punctuation publishes at most, so that no transaction outlives its timeout: a table (or
     * the rest of a sweep) that would exceed it continues every {@link #SLICE_INTERVAL}. Each record is complete and
     * suppressed; a reader between slices sees some records newer than others, as at any point of the topic's log.
     * About 20-40 µs of work per record on 2 cores, so a slice is a fraction of a commit interval; smaller slices left
     * the machine idle between them (a thread that has no input waits in its poll, 100 ms, before the next slice).
     */
    static final int SLICE_RECORDS = 5000;
    static final Duration SLICE_INTERVAL = Duration.ofMillis(100);

    /** Separates a published key's revision from its signature; a tombstone keeps its revision, without signature. */
    private static final char REVISION_END = '\t';

    private final KeyValueStore<String, String> published;
    private final BiConsumer<String, V> forward;

    /** @param forward sends one record (a null value is a tombstone) */
    RevisedPublication(KeyValueStore<String, String> published, BiConsumer<String, V> forward) {
        this.published = published;
        this.forward = forward;
    }

    /**
     * The store of what was published, changelogged and without a record cache: each key is written once per
     * restatement and each table read once per publication, so a cache would only keep a sorted copy of every
     * write until the next commit (a first load writes every published key).
     */
    static StoreBuilder<KeyValueStore<String, String>> publishedStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), RepresentationTopics.KEY,
                Serdes.String()).withCachingDisabled().withLoggingEnabled(Map.of());
    }

    /** One record to send (a null value is a tombstone) and what the store keeps of it once sent. */
    record Send<V>(String key, String stored, Supplier<V> value) {
    }

    /**
     * Publishes the records of one table (every key starting with {@code keyPrefix}) that changed, and tombstones for
     * the table's keys that are no longer in it; returns how many records it sent.
     */
    int publish(String keyPrefix, Map<String, Candidate<V>> records) {
        List<Send<V>> sends = changes(keyPrefix, records);
        sends.forEach(this::send);
        return sends.size();
    }

    /**
     * What {@link #publish} would send, in key order, without sending it: a large table can then be sent in slices
     * ({@link #send}), each in a transaction of its own.
     */
    List<Send<V>> changes(String keyPrefix, Map<String, Candidate<V>> records) {
        Map<String, String> before = new HashMap<>();
        try (KeyValueIterator<String, String> previous = keyPrefix.isEmpty() ? published.all()
                : published.prefixScan(keyPrefix, new StringSerializer())) {
            previous.forEachRemaining(entry -> before.put(entry.key, entry.value));
        }
        List<Send<V>> sends = new ArrayList<>();
        for (Map.Entry<String, Candidate<V>> entry : new TreeMap<>(records).entrySet()) {
            String signature = entry.getValue().signature();
            String last = before.get(entry.getKey());
            if (last != null && signature(last).equals(signature)) {
                continue;
            }
            long revision = revision(last) + 1;
            LongFunction<V> atRevision = entry.getValue().atRevision();
            sends.add(new Send<>(entry.getKey(), revision + String.valueOf(REVISION_END) + signature,
                    () -> atRevision.apply(revision)));
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(before).entrySet()) {
            if (!records.containsKey(entry.getKey()) && !signature(entry.getValue()).isEmpty()) {
                sends.add(new Send<>(entry.getKey(), revision(entry.getValue()) + String.valueOf(REVISION_END),
                        () -> null));
            }
        }
        return sends;
    }

    /** Sends one record and keeps what was sent. */
    void send(Send<V> send) {
        published.put(send.key(), send.stored());
        forward.accept(send.key(), send.value().get());
    }

    /** The cells of one table of a store keyed {@code tableId|scope|tier}. */
    static <V> Map<CellKey, V> cells(KeyValueStore<String, V> store, String tableId) {
        String prefix = tableId + "|";
        Map<CellKey, V> table = new HashMap<>();
        try (KeyValueIterator<String, V> cells = store.prefixScan(prefix, new StringSerializer())) {
            cells.forEachRemaining(cell -> table.put(CellKey.parse(cell.key.substring(prefix.length())), cell.value));
        }
        return table;
    }

    static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static long revision(String stored) {
        return stored == null ? 0 : Long.parseLong(stored.substring(0, stored.indexOf(REVISION_END)));
    }

    private static String signature(String stored) {
        return stored.substring(stored.indexOf(REVISION_END) + 1);
    }
}
