package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * When a changed table (the live cells, a period, a quarter, the funnels) is due for publication; the one rule every
 * aggregation publishes by. A change is live when the events behind it happened within {@link #LIVE_LAG} of now
 * (by their record timestamps): then the table is due at once, so a live update waits for nothing but the next
 * publication. Otherwise the aggregation is reading a backlog (a first load of years of history, a quarter's
 * re-evaluation) and the table is due once the application has read all of it ({@link Backlog}: every input and
 * repartition partition committed to its end, no employee waiting for a pass), else once its changes have settled
 * (none for a quiet period, the rule where nothing watches the offsets), or once it has waited {@code maxWait} while
 * they keep coming: a backfill restates each table about once instead of every interval. A
 * table changed before a restart is due at once (its times are not kept), so nothing waits longer than that after a
 * restart. In memory only; the tables waiting (with when their first unpublished change came) are also in an
 * unlogged in-memory store, so the service can tell readers that figures it has read are not published yet.
 */
final class Settling {

    /** How far behind the wall clock a change's events may be and still count as live. */
    static final Duration LIVE_LAG = Duration.ofSeconds(5);
    /**
     * How long a backlog's changes must pause before their table counts as settled, where the watch cannot tell that
     * the backlog was read. Longer than the pauses measured inside a first load (a stream thread busy with other
     * tasks, a commit: more than 10 s on 2 cores for some tables of a 100,000-employee load, whose per-employee work
     * shares the decoders' tasks), which would otherwise publish a table half-loaded; a pause this long after the
     * last change means the backlog was read.
     */
    static final Duration BACKLOG_QUIET = Duration.ofSeconds(30);
    /**
     * How long a table waits at most while a backlog keeps changing it: longer than a first load of 100,000 employees
     * takes on 2 cores, which is then published once, when read.
     */
    static final Duration BACKLOG_MAX_WAIT = Duration.ofMinutes(5);

    private final long quietMs;
    private final long maxWaitMs;
    private final Backlog backlog;
    /** Per table: when its first unpublished change came, its latest, and the newest event time behind them. */
    private final Map<String, long[]> changes = new HashMap<>();
    private KeyValueStore<String, Long> waiting;

    Settling(Duration quiet, Duration maxWait, Backlog backlog) {
        this.quietMs = quiet.toMillis();
        this.maxWaitMs = maxWait.toMillis();
        this.backlog = backlog;
    }

    /**
     * Settles as a backlog is read: changes are due once the application has read all its input since they came,
     * else after {@link #BACKLOG_QUIET}, at most {@link #BACKLOG_MAX_WAIT}.
     */
    Settling(Backlog backlog) {
        this(BACKLOG_QUIET, BACKLOG_MAX_WAIT, backlog);
    }

    /** The queryable list of tables waiting for publication, by when their first unpublished change came. */
    static StoreBuilder<KeyValueStore<String, Long>> waitingStore(String name) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), RepresentationTopics.KEY,
                Serdes.Long()).withLoggingDisabled();
    }

    /** Connects the store of {@link #waitingStore}: the processor's, from its context. */
    void init(KeyValueStore<String, Long> waitingTables) {
        this.waiting = waitingTables;
    }

    /**
     * A table a run before this one left to publish (or that a start republishes): due at once, and waiting until
     * it is published, so readers are not told the figures are final before it is.
     */
    void restored(String table, long nowMs) {
        changed(table, nowMs, nowMs);
    }

    /**
     * @param nowMs       the wall clock
     * @param eventTimeMs the record timestamp of the change (when the events behind it were published)
     */
    void changed(String table, long nowMs, long eventTimeMs) {
        long[] times = changes.get(table);
        if (times == null) {
            times = new long[] {nowMs, nowMs, eventTimeMs};
            changes.put(table, times);
            if (waiting != null) {
                waiting.put(table, nowMs);
            }
        }
        times[1] = nowMs;
        times[2] = Math.max(times[2], eventTimeMs);
    }

    boolean due(String table, long nowMs) {
        long[] times = changes.get(table);
        return times == null || nowMs - times[2] <= LIVE_LAG.toMillis() || nowMs - times[1] >= quietMs
                || nowMs - times[0] >= maxWaitMs || times[1] < backlog.readAllSinceMs();
    }

    /**
     * Whether a table waits only because a backlog was being read, and the backlog has been read since its last
     * change: the aggregations look every {@link RevisedPublication#SLICE_INTERVAL} and publish it then, instead of
     * at their next publication interval (which is there to coalesce live changes: a live change never counts here).
     */
    boolean backlogReadSinceWaiting(long nowMs) {
        long readSinceMs = backlog.readAllSinceMs();
        for (long[] times : changes.values()) {
            if (times[1] < readSinceMs && nowMs - times[2] > LIVE_LAG.toMillis()) {
                return true;
            }
        }
        return false;
    }

    void published(String table) {
        if (changes.remove(table) != null && waiting != null) {
            waiting.delete(table);
        }
    }
}
