package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When a changed table (a period, a quarter, the funnels) is due for publication: once its changes have settled
 * (none for a quiet period), or once it has waited {@code maxWait} while they keep coming, as they do while history
 * is loaded. A backfill then restates each table every {@code maxWait} instead of every publish interval, and a live
 * change is published a quiet period after it. A table changed before a restart is due at once (its time is not
 * kept), so nothing waits longer than that after a restart. In memory only.
 */
final class Settling {

    private final long quietMs;
    private final long maxWaitMs;
    /** Per table: when its first unpublished change came, and its latest. */
    private final Map<String, long[]> changes = new HashMap<>();

    Settling(Duration quiet, Duration maxWait) {
        this.quietMs = quiet.toMillis();
        this.maxWaitMs = maxWait.toMillis();
    }

    void changed(String table, long nowMs) {
        long[] times = changes.computeIfAbsent(table, t -> new long[] {nowMs, nowMs});
        times[1] = nowMs;
    }

    boolean due(String table, long nowMs) {
        long[] times = changes.get(table);
        return times == null || nowMs - times[1] >= quietMs || nowMs - times[0] >= maxWaitMs;
    }

    void published(String table) {
        changes.remove(table);
    }
}
