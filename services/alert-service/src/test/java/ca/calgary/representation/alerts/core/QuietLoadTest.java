package ca.calgary.representation.alerts.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import ca.calgary.representation.alerts.core.QuietLoad.Mode;
import ca.calgary.representation.alerts.core.QuietLoad.Sample;
import org.junit.jupiter.api.Test;

class QuietLoadTest {

    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    final QuietLoad quiet = new QuietLoad(1_000, Duration.ofSeconds(60), Duration.ofSeconds(20));

    static Sample at(int second, boolean caughtUp, long lagEvents, long lagSeconds) {
        return new Sample(T0.plusSeconds(second), true, caughtUp, lagEvents, lagSeconds);
    }

    @Test
    void nothingIsDecidedBeforeTheFirstMeasuredSample() {
        assertThat(quiet.mode()).isEqualTo(Mode.WAITING);
        assertThat(quiet.modeFor(T0.minusSeconds(60))).isEqualTo(Mode.WAITING);
        assertThat(quiet.observe(new Sample(T0, false, false, 0, 0))).isEqualTo(Mode.WAITING);
        assertThat(quiet.observe(at(1, true, 0, 0))).as("a restart of a caught-up pipeline delivers at once")
                .isEqualTo(Mode.LIVE);
    }

    @Test
    void aChangeWaitsForASampleTakenAfterIt() {
        quiet.observe(at(0, true, 0, 0));
        assertThat(quiet.modeFor(T0.minusMillis(1))).isEqualTo(Mode.LIVE);
        assertThat(quiet.modeFor(T0.plusMillis(300))).as("a load that has just begun is not in the samples yet")
                .isEqualTo(Mode.WAITING);
        quiet.observe(at(1, false, 5_000, 0));
        assertThat(quiet.modeFor(T0.plusMillis(300))).as("the next sample saw the load: held").isEqualTo(Mode.QUIET);
    }

    @Test
    void aChangeMadeWhileLiveIsDeliveredOnceTheNextSampleIsLiveToo() {
        quiet.observe(at(0, true, 0, 0));
        quiet.observe(at(1, false, 20, 0));
        assertThat(quiet.modeFor(T0.plusMillis(300))).isEqualTo(Mode.LIVE);
        assertThat(quiet.modeFor(T0.plusMillis(1_300))).isEqualTo(Mode.WAITING);
    }

    @Test
    void aServiceStartingBehindIsQuietFromTheStart() {
        assertThat(quiet.observe(at(0, false, 70_000, 5))).isEqualTo(Mode.QUIET);
    }

    @Test
    void quietStartsAboveEitherThresholdAndEndsOnlyAfterStayingCaughtUp() {
        assertThat(quiet.observe(at(0, true, 0, 0))).isEqualTo(Mode.LIVE);
        assertThat(quiet.observe(at(1, false, 999, 3))).as("a small backlog is live work").isEqualTo(Mode.LIVE);
        assertThat(quiet.observe(at(2, false, 40, 61))).as("an event waiting over a minute").isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(at(3, false, 1_001, 2))).isEqualTo(Mode.QUIET);

        assertThat(quiet.observe(at(10, true, 0, 0))).as("a pause in the load").isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(at(25, false, 300, 1))).as("the load goes on: the settling clock restarts")
                .isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(at(30, true, 0, 0))).isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(new Sample(T0.plusSeconds(40), false, false, 0, 0)))
                .as("an unmeasured sample restarts it too").isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(at(45, true, 0, 0))).isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(at(64, true, 0, 0))).isEqualTo(Mode.QUIET);
        assertThat(quiet.observe(at(65, true, 0, 0))).as("caught up for 20 s").isEqualTo(Mode.LIVE);
    }
}
