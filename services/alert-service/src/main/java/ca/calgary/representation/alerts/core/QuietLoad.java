package ca.calgary.representation.alerts.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether alert transitions are delivered now or held for a digest (SPEC §8 "quiet first load"). While the pipeline
 * is catching up on history, what the rules raise and resolve is the history passing through, not news: a first
 * load raised (and later resolved) thousands of transitions. So while the pipeline's input lag is above a threshold
 * the dispatcher holds transitions, and once the pipeline has stayed caught up for a settling time each subscription
 * that missed something receives one digest of what is open.
 *
 * <p>Hysteresis: quiet starts when the lag passes the threshold and ends only after the pipeline has been caught up
 * (every input processed and published) for {@code settle}, so the short pauses of a load do not end it. A sample
 * that could not be measured changes nothing but the settling clock. Before the first measured sample nothing is
 * delivered or held.
 *
 * <p>A load shows in the samples only after it has begun, and its first figures can move (and raise findings)
 * before the next sample: so a change is delivered only when a sample taken at or after it says LIVE
 * ({@link #modeFor}).
 */
public final class QuietLoad {

    public enum Mode {
        /** No measured sample yet: deliver nothing, hold nothing. */
        WAITING,
        /** Catching up: hold transitions for a digest. */
        QUIET,
        /** Caught up: deliver each transition as it comes. */
        LIVE
    }

    /** What the pipeline status said at one moment (for several sources: the oldest of their moments). */
    public record Sample(Instant observedAt, boolean measured, boolean caughtUp, long lagEvents, long lagSeconds) {
    }

    private final long quietLagEvents;
    private final Duration quietLag;
    private final Duration settle;
    private Mode mode = Mode.WAITING;
    private Instant caughtUpSince;
    private Instant measuredAt;

    /**
     * @param quietLagEvents input events behind above which the pipeline counts as catching up
     * @param quietLag       ... or how long the oldest unprocessed event may have waited
     * @param settle         how long the pipeline must stay caught up before quiet ends
     */
    public QuietLoad(long quietLagEvents, Duration quietLag, Duration settle) {
        this.quietLagEvents = quietLagEvents;
        this.quietLag = quietLag;
        this.settle = settle;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * What to do now with a change made at {@code changedAt}: hold it while QUIET; deliver it (LIVE) only once a
     * measured sample taken at or after that moment found the pipeline live; until then WAITING.
     */
    public Mode modeFor(Instant changedAt) {
        if (mode == Mode.QUIET) {
            return Mode.QUIET;
        }
        return mode == Mode.LIVE && !measuredAt.isBefore(changedAt) ? Mode.LIVE : Mode.WAITING;
    }

    /** The mode after {@code sample}. */
    public Mode observe(Sample sample) {
        if (!sample.measured()) {
            caughtUpSince = null;
            return mode;
        }
        measuredAt = measuredAt == null || sample.observedAt().isAfter(measuredAt) ? sample.observedAt() : measuredAt;
        boolean behind = sample.lagEvents() > quietLagEvents || sample.lagSeconds() > quietLag.toSeconds();
        switch (mode) {
            case WAITING, LIVE -> {
                if (behind) {
                    mode = Mode.QUIET;
                    caughtUpSince = null;
                } else {
                    mode = Mode.LIVE;
                }
            }
            case QUIET -> {
                if (!sample.caughtUp()) {
                    caughtUpSince = null;
                } else if (caughtUpSince == null) {
                    caughtUpSince = sample.observedAt();
                }
                if (caughtUpSince != null && !sample.observedAt().isBefore(caughtUpSince.plus(settle))) {
                    mode = Mode.LIVE;
                }
            }
            default -> throw new IllegalStateException("unhandled " + mode);
        }
        return mode;
    }
}
