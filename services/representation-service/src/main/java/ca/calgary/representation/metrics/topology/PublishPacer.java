package ca.calgary.representation.metrics.topology;

import java.time.Duration;

/**
 * Paces a periodic publication so that loading history neither starves nor floods:
 * <ul>
 * <li>after a pass that took longer than a second, the next one waits at least four times as long as that pass
 * took, so publishing never takes more than about a fifth of the stream thread while a backlog is processed;</li>
 * <li>while the records arriving are old (written upstream more than {@link #BEHIND} before they are processed, and
 * still arriving), the pipeline is catching up on history: figures are held back and published at most every
 * {@link #CATCH_UP_INTERVAL}, so a first load restates each figure a few times instead of once a second, and the
 * final figures are published as soon as records stop arriving.</li>
 * </ul>
 * Live operation (records processed moments after they were written) and tests are never held back.
 */
final class PublishPacer {

    static final Duration SLOW_PASS = Duration.ofSeconds(1);
    static final int HOLD_PER_PASS = 4;
    /** Records written this long before they are processed mean a backlog. */
    static final Duration BEHIND = Duration.ofSeconds(30);
    /** Records seen this recently mean the backlog is still being read. */
    static final Duration STILL_ARRIVING = Duration.ofSeconds(2);
    static final Duration CATCH_UP_INTERVAL = Duration.ofMinutes(2);

    private long notBeforeNanos = System.nanoTime();
    private long lastSeenAt = Long.MIN_VALUE;
    private long lastSeenWritten = Long.MIN_VALUE;
    private long lastPublishedAt = Long.MIN_VALUE;

    /**
     * Notes a record processed now (wall-clock milliseconds), written upstream at {@code writtenAt} (its timestamp).
     */
    void seen(long writtenAt, long now) {
        lastSeenAt = now;
        lastSeenWritten = writtenAt;
    }

    /** Whether old records are still arriving (a first load or a long outage being caught up). */
    boolean catchingUp(long now) {
        return lastSeenAt != Long.MIN_VALUE && now - lastSeenAt < STILL_ARRIVING.toMillis()
                && lastSeenAt - lastSeenWritten > BEHIND.toMillis();
    }

    /** Runs the pass unless a slow pass or catching up asks to wait; returns whether it ran. */
    boolean run(long now, Runnable pass) {
        long start = System.nanoTime();
        if (start - notBeforeNanos < 0) {
            return false;
        }
        if (catchingUp(now) && lastPublishedAt != Long.MIN_VALUE
                && now - lastPublishedAt < CATCH_UP_INTERVAL.toMillis()) {
            return false;
        }
        pass.run();
        lastPublishedAt = now;
        long end = System.nanoTime();
        long took = end - start;
        notBeforeNanos = took > SLOW_PASS.toNanos() ? end + HOLD_PER_PASS * took : end;
        return true;
    }
}
