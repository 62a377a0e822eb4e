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
 * table changed before a restart (or before its task moved) settles as a backlog, its times not being kept. A first computation (SPEC §9: everyone in it has changed, so it is published whole) settles as a backlog
 * whatever its event times, and when any of it was posted live it also waits until its changes have paused for
 * {@link #FIRST_COMPUTATION_QUIET}. In memory only; the tables waiting (with when their first unpublished change
 * came) are also in an unlogged in-memory store, so the service can tell readers that figures it has read are not
 * published yet.
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
    /**
     * How long the changes of a first computation posted live must pause, besides being read, before it is due: a
     * first load posted in batches (the ingest API, a replay) is read between its batches, and must still be
     * published as one table, not from its first batches with the rest held back. A backlog (events published
     * earlier) is complete once read.
     */
    static final Duration FIRST_COMPUTATION_QUIET = Duration.ofSeconds(5);

    /** The event time of a change whose events are not known: long past (no overflow in a difference with now). */
    private static final long LONG_PAST = Long.MIN_VALUE / 2;

    private final long quietMs;
    private final long maxWaitMs;
    private final Backlog backlog;
    private final Map<String, Waiting> changes = new HashMap<>();
    private KeyValueStore<String, Long> waiting;

    /** A table's unpublished changes: when the first and the latest came, and the newest event time behind them. */
    private static final class Waiting {
        final long firstMs;
        long latestMs;
        long newestEventMs;
        /** Part of a first computation, and whether any of it was posted live. */
        boolean firstComputation;
        boolean postedLive;

        Waiting(long nowMs, long eventTimeMs) {
            this.firstMs = nowMs;
            this.newestEventMs = eventTimeMs;
        }
    }
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
     * A table a run before this one left to publish (or that a start republishes): it settles as a backlog (its
     * times are not kept), so it is due once the application has read all its input since the start, and it waits
     * until it is published, so readers are not told the figures are final before it is. Not at once: a task that
     * moves to another thread in the middle of a first load would publish its tables half-loaded (measured: the
     * 100,000-employee benchmark restated flows 1.37 times per key so).
     */
    void restored(String table, long nowMs) {
        changed(table, nowMs, LONG_PAST);
    }

    /**
     * A table of a first computation that a run before this one left to publish, or that was published before its
     * backlog was read: settles as one, as a backlog, so it is published again (complete) once read.
     */
    void restoredInFirstComputation(String table, long nowMs) {
        changedInFirstComputation(table, nowMs, LONG_PAST);
    }

    /**
     * @param nowMs       the wall clock
     * @param eventTimeMs the record timestamp of the change (when the events behind it were published)
     */
    void changed(String table, long nowMs, long eventTimeMs) {
        changed(table, nowMs, eventTimeMs, false);
    }

    /**
     * A change that is part of a first computation: the table is due once the application has read all of it and,
     * if any of it was posted live, it has paused for {@link #FIRST_COMPUTATION_QUIET}; or after {@code maxWait}.
     */
    void changedInFirstComputation(String table, long nowMs, long eventTimeMs) {
        changed(table, nowMs, eventTimeMs, true);
    }

    private void changed(String table, long nowMs, long eventTimeMs, boolean firstComputation) {
        Waiting times = changes.get(table);
        if (times == null) {
            times = new Waiting(nowMs, eventTimeMs);
            changes.put(table, times);
            if (waiting != null) {
                waiting.put(table, nowMs);
            }
        }
        times.latestMs = nowMs;
        times.newestEventMs = Math.max(times.newestEventMs, eventTimeMs);
        times.firstComputation |= firstComputation;
        times.postedLive |= live(times, nowMs);
    }

    boolean due(String table, long nowMs) {
        Waiting times = changes.get(table);
        return times == null || due(times, nowMs);
    }

    /**
     * Whether the application has read all its input since the table's last change (or it has none waiting): a
     * table due only because its backlog paused or waited long is not known to be complete.
     */
    boolean read(String table) {
        Waiting times = changes.get(table);
        return times == null || times.latestMs < backlog.readAllSinceMs();
    }

    private boolean due(Waiting times, long nowMs) {
        if (nowMs - times.firstMs >= maxWaitMs) {
            return true;
        }
        boolean read = nowMs - times.latestMs >= quietMs || times.latestMs < backlog.readAllSinceMs();
        if (times.firstComputation) {
            return read && (!times.postedLive || nowMs - times.latestMs >= FIRST_COMPUTATION_QUIET.toMillis());
        }
        return read || live(times, nowMs);
    }

    private static boolean live(Waiting times, long nowMs) {
        return nowMs - times.newestEventMs <= LIVE_LAG.toMillis();
    }

    /**
     * Whether a table waits only because a backlog was being read, and the backlog has been read since its last
     * change: the aggregations look every {@link RevisedPublication#SLICE_INTERVAL} and publish it then, instead of
     * at their next publication interval (which is there to coalesce live changes: a live change never counts here).
     */
    boolean backlogReadSinceWaiting(long nowMs) {
        long readSinceMs = backlog.readAllSinceMs();
        for (Waiting times : changes.values()) {
            boolean waitsForBacklogOnly = times.firstComputation ? due(times, nowMs) : !live(times, nowMs);
            if (times.latestMs < readSinceMs && waitsForBacklogOnly) {
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
