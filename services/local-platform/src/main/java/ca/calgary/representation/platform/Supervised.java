package ca.calgary.representation.platform;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child of the local platform kept running: when it dies without being asked to stop, it is started again on
 * the same data, after a backoff that doubles while restarts keep failing or the child keeps dying soon after
 * (1 s up to 30 s), and resets once it has stayed up for a minute. Every exit and restart is logged.
 */
final class Supervised<C extends PlatformChild> {

    private static final Logger log = LoggerFactory.getLogger(Supervised.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofMinutes(1);

    private final String name;
    private final Supplier<C> starter;
    private volatile C current;
    private Duration backoff = FIRST_BACKOFF;
    private long startedAtNanos = System.nanoTime();
    private int restarts;

    Supervised(String name, C started, Supplier<C> starter) {
        this.name = name;
        this.current = started;
        this.starter = starter;
    }

    boolean isAlive() {
        return current.isAlive();
    }

    ProcessHandle process() {
        return current.process();
    }

    /** How many times it was started again since the platform started. */
    int restarts() {
        return restarts;
    }

    /**
     * Starts the child again if it has died; returns at once if it is alive. Called by the supervisor thread only.
     *
     * @throws InterruptedException when the platform is closing during the backoff or the restart
     */
    void heal() throws InterruptedException {
        if (current.isAlive()) {
            if (System.nanoTime() - startedAtNanos > STABLE.toNanos()) {
                backoff = FIRST_BACKOFF;
            }
            return;
        }
        log.warn("{} exited unexpectedly ({}); starting it again in {} s", name, current.exit(), backoff.toSeconds());
        Thread.sleep(backoff.toMillis());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        try {
            current = starter.get();
            startedAtNanos = System.nanoTime();
            restarts++;
            log.info("{} is running again (restart {})", name, restarts);
        } catch (PlatformStartException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("closing");
            }
            log.warn("{} could not be started again: {}", name, e.getMessage());
        }
    }

    void close() {
        current.close();
    }
}
