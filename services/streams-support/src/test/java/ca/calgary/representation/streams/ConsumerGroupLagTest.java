package ca.calgary.representation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerGroupLagTest {

    private static final TopicPartition A = new TopicPartition("hr.employment-events", 0);
    private static final TopicPartition B = new TopicPartition("hr.employment-events", 1);
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private final ConsumerGroupLag lag = new ConsumerGroupLag();

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aGroupAtEveryEndIsCaughtUpAndReflectsEverythingUntilTheSample() {
        ConsumerGroupLag.Lag sample = lag.observe(at(0), Map.of(A, 10L, B, 4L), Map.of(A, 10L, B, 4L), Map.of());

        assertThat(sample.caughtUp()).isTrue();
        assertThat(sample.events()).isZero();
        assertThat(sample.reflectsInputUntil()).isEqualTo(at(0));
        assertThat(sample.behind()).isZero();
        assertThat(sample.exact()).isTrue();
    }

    @Test
    void theLagInTimeIsSinceTheNewestEndTheSlowestPartitionHasPassed() {
        lag.observe(at(0), Map.of(A, 10L, B, 4L), Map.of(A, 10L, B, 4L), Map.of());
        lag.observe(at(1), Map.of(A, 20L, B, 4L), Map.of(A, 12L, B, 4L), Map.of());
        lag.observe(at(2), Map.of(A, 30L, B, 4L), Map.of(A, 18L, B, 4L), Map.of());
        // A passed 20 (read at 1 s) but not 30 (read at 2 s): everything published before 1 s is processed.
        ConsumerGroupLag.Lag sample = lag.observe(at(3), Map.of(A, 30L, B, 4L), Map.of(A, 25L, B, 4L), Map.of());

        assertThat(sample.events()).isEqualTo(5);
        assertThat(sample.caughtUp()).isFalse();
        assertThat(sample.reflectsInputUntil()).isEqualTo(at(1));
        assertThat(sample.behind()).isEqualTo(Duration.ofSeconds(2));
        assertThat(sample.exact()).isTrue();

        ConsumerGroupLag.Lag caughtUp = lag.observe(at(4), Map.of(A, 30L, B, 4L), Map.of(A, 30L, B, 4L), Map.of());
        assertThat(caughtUp.caughtUp()).isTrue();
        assertThat(caughtUp.behind()).isZero();
    }

    @Test
    void aGroupThatStartedBehindGivesALowerBoundUntilItPassesAnEndItSaw() {
        ConsumerGroupLag.Lag first = lag.observe(at(0), Map.of(A, 1000L), Map.of(A, 10L), Map.of());
        ConsumerGroupLag.Lag later = lag.observe(at(5), Map.of(A, 1000L), Map.of(A, 500L), Map.of());

        assertThat(first.exact()).isFalse();
        assertThat(later.exact()).isFalse();
        assertThat(later.behind()).as("at least since tracking began").isEqualTo(Duration.ofSeconds(5));
        assertThat(later.events()).isEqualTo(500);

        ConsumerGroupLag.Lag passed = lag.observe(at(6), Map.of(A, 1200L), Map.of(A, 1100L), Map.of());
        assertThat(passed.exact()).isTrue();
        assertThat(passed.reflectsInputUntil()).isEqualTo(at(5));
    }

    @Test
    void aPartitionTheGroupHasNotCommittedCountsFromItsStart() {
        ConsumerGroupLag.Lag sample = lag.observe(at(0), Map.of(A, 10L, B, 7L), Map.of(A, 10L), Map.of(B, 2L));

        assertThat(sample.events()).isEqualTo(5);
        assertThat(sample.caughtUp()).isFalse();
    }

    @Test
    void partitionsNoLongerReadAreForgotten() {
        lag.observe(at(0), Map.of(A, 10L, B, 7L), Map.of(A, 10L, B, 0L), Map.of());
        ConsumerGroupLag.Lag sample = lag.observe(at(1), Map.of(A, 10L), Map.of(A, 10L), Map.of());

        assertThat(sample.caughtUp()).isTrue();
        assertThat(sample.reflectsInputUntil()).isEqualTo(at(1));
    }
}
