package ca.calgary.representation.metrics.topology;

import java.time.Duration;

/**
 * Keeps a periodic publication from starving the records it publishes: after a pass that took longer than a second,
 * the next one waits at least four times as long as that pass took, so publishing never takes more than about a
 * fifth of the stream thread while a backlog (a first load of years of history) is processed. Short passes (live
 * operation, tests) are never held back.
 */
final class PublishPacer {

    static final Duration SLOW_PASS = Duration.ofSeconds(1);
    static final int HOLD_PER_PASS = 4;

    private long notBeforeNanos = System.nanoTime();

    /** Runs the pass unless the previous slow one asked to wait; returns whether it ran. */
    boolean run(Runnable pass) {
        long start = System.nanoTime();
        if (start - notBeforeNanos < 0) {
            return false;
        }
        pass.run();
        long end = System.nanoTime();
        long took = end - start;
        notBeforeNanos = took > SLOW_PASS.toNanos() ? end + HOLD_PER_PASS * took : end;
        return true;
    }
}
