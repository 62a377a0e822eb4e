package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SettlingTest {

    private static final long HOUR_AGO = -3_600_000;
    private long readAllSinceMs = Long.MIN_VALUE;
    private final Settling settling = new Settling(Duration.ofSeconds(5), Duration.ofSeconds(30),
            () -> readAllSinceMs);

    @Test
    void aLiveChangeIsDueAtOnce() {
        settling.changed("ORG", 10_000, 9_800);
        assertThat(settling.due("ORG", 10_000)).isTrue();
        settling.published("ORG");
        settling.changed("ORG", 20_000, 20_000 - Settling.LIVE_LAG.toMillis());
        assertThat(settling.due("ORG", 20_000)).isTrue();
    }

    @Test
    void aBacklogChangeIsDueOnceItHasSettled() {
        settling.changed("2024-Q1", 1_000, HOUR_AGO);
        assertThat(settling.due("2024-Q1", 5_999)).isFalse();
        assertThat(settling.due("2024-Q1", 6_000)).isTrue();
    }

    @Test
    void aBacklogChangeIsDueOnceTheApplicationHasReadAllItsInputSinceIt() {
        settling.changed("2024-Q1", 1_000, HOUR_AGO);
        readAllSinceMs = 1_000;
        assertThat(settling.due("2024-Q1", 1_200)).as("read all as the change came: it may not be the last")
                .isFalse();
        readAllSinceMs = 1_001;
        assertThat(settling.due("2024-Q1", 1_200)).as("read all after it: long before the quiet period").isTrue();
        settling.published("2024-Q1");
        settling.changed("2024-Q1", 2_000, HOUR_AGO);
        assertThat(settling.due("2024-Q1", 2_200)).as("a later change waits for a later check").isFalse();
    }

    @Test
    void aTableWaitingForItsBacklogIsToldAsSoonAsTheBacklogIsReadButALiveOneWaitsForItsInterval() {
        settling.changed("2024-Q1", 1_000, HOUR_AGO);
        assertThat(settling.backlogReadSinceWaiting(1_200)).isFalse();
        readAllSinceMs = 1_001;
        assertThat(settling.backlogReadSinceWaiting(1_200)).isTrue();
        settling.published("2024-Q1");
        assertThat(settling.backlogReadSinceWaiting(1_300)).as("published: nothing waits").isFalse();
        settling.changed("ORG", 2_000, 2_000);
        readAllSinceMs = 2_500;
        assertThat(settling.backlogReadSinceWaiting(2_600))
                .as("a live change is due at once and published at the next interval, which coalesces live changes")
                .isFalse();
    }

    @Test
    void backlogChangesThatKeepComingAreDueAfterTheLongestWait() {
        for (long now = 0; now < 30_000; now += 1_000) {
            settling.changed("2024-Q1", now, HOUR_AGO);
            assertThat(settling.due("2024-Q1", now)).isFalse();
        }
        settling.changed("2024-Q1", 30_000, HOUR_AGO);
        assertThat(settling.due("2024-Q1", 30_000)).isTrue();
    }

    @Test
    void oneLiveChangeAmongBacklogChangesMakesTheTableDue() {
        settling.changed("2024-Q1", 1_000, HOUR_AGO);
        settling.changed("2024-Q1", 2_000, 2_000);
        settling.changed("2024-Q1", 3_000, HOUR_AGO);
        assertThat(settling.due("2024-Q1", 3_000)).isTrue();
    }

    @Test
    void aPublishedTableWaitsAfreshAndAnUnknownOneIsDueAtOnce() {
        settling.changed("2024-Q1", 0, HOUR_AGO);
        settling.published("2024-Q1");
        settling.changed("2024-Q1", 40_000, HOUR_AGO);
        assertThat(settling.due("2024-Q1", 41_000)).isFalse();
        assertThat(settling.due("2024-Q2", 41_000)).isTrue();
    }

    @Test
    void aBacklogWaitsThirtyQuietSecondsAndAtMostFiveMinutesByDefault() {
        Settling backlog = new Settling(Backlog.UNWATCHED);
        backlog.changed("ORG", 0, HOUR_AGO);
        assertThat(backlog.due("ORG", 29_999)).isFalse();
        assertThat(backlog.due("ORG", 30_000)).isTrue();
        for (long now = 0; now < 300_000; now += 29_000) {
            backlog.changed("ORG", now, HOUR_AGO);
            assertThat(backlog.due("ORG", now)).isFalse();
        }
        assertThat(backlog.due("ORG", 300_000)).isTrue();
    }

    @Test
    void aFirstComputationOfAnEarlierBacklogIsDueOnceRead() {
        settling.changedInFirstComputation("CELLS", 1_000, HOUR_AGO);
        assertThat(settling.due("CELLS", 1_200)).isFalse();
        readAllSinceMs = 1_001;
        assertThat(settling.due("CELLS", 1_200)).isTrue();
        assertThat(settling.backlogReadSinceWaiting(1_200)).isTrue();
    }

    @Test
    void aFirstComputationPostedLiveIsDueOnlyOnceReadAndPaused() {
        long quiet = Settling.FIRST_COMPUTATION_QUIET.toMillis();
        Settling first = new Settling(Duration.ofSeconds(30), Duration.ofMinutes(5), () -> readAllSinceMs);
        first.changedInFirstComputation("CELLS", 1_000, 1_000);
        assertThat(first.due("CELLS", 1_000)).as("live, but a first computation is published whole").isFalse();
        readAllSinceMs = 1_001;
        assertThat(first.due("CELLS", 1_200)).as("read between two batches of a load posted live").isFalse();
        assertThat(first.backlogReadSinceWaiting(1_200)).isFalse();
        first.changedInFirstComputation("CELLS", 3_000, HOUR_AGO);
        readAllSinceMs = 3_001;
        assertThat(first.due("CELLS", 3_000 + quiet - 1)).isFalse();
        assertThat(first.due("CELLS", 3_000 + quiet)).isTrue();
        assertThat(first.backlogReadSinceWaiting(3_000 + quiet)).isTrue();
        first.published("CELLS");
        first.changed("CELLS", 10_000, 10_000);
        assertThat(first.due("CELLS", 10_000)).as("published: a live change is due at once again").isTrue();
    }

    @Test
    void aFirstComputationThatKeepsComingIsDueAfterTheLongestWait() {
        for (long now = 0; now < 30_000; now += 1_000) {
            settling.changedInFirstComputation("CELLS", now, now);
            assertThat(settling.due("CELLS", now)).isFalse();
        }
        assertThat(settling.due("CELLS", 30_000)).isTrue();
    }

    @Test
    void aTableARunBeforeLeftToPublishWaitsUntilTheInputIsReadSinceTheStart() {
        settling.restored("2024-Q1", 1_000);
        assertThat(settling.due("2024-Q1", 1_000))
                .as("a task that moved mid-load would publish its half-loaded table").isFalse();
        assertThat(settling.due("2024-Q1", 5_999)).as("within the quiet period").isFalse();
        readAllSinceMs = 1_001;
        assertThat(settling.due("2024-Q1", 1_100)).isTrue();
        assertThat(settling.backlogReadSinceWaiting(1_100)).isTrue();
    }
}
