package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SettlingTest {

    private final Settling settling = new Settling(Duration.ofSeconds(5), Duration.ofSeconds(30));

    @Test
    void aLiveChangeIsDueOnceItHasSettled() {
        settling.changed("2024-Q1", 1_000);
        assertThat(settling.due("2024-Q1", 5_999)).isFalse();
        assertThat(settling.due("2024-Q1", 6_000)).isTrue();
    }

    @Test
    void changesThatKeepComingAreDueAfterTheLongestWait() {
        for (long now = 0; now < 30_000; now += 1_000) {
            settling.changed("2024-Q1", now);
            assertThat(settling.due("2024-Q1", now)).isFalse();
        }
        settling.changed("2024-Q1", 30_000);
        assertThat(settling.due("2024-Q1", 30_000)).isTrue();
    }

    @Test
    void aPublishedTableWaitsAfreshAndAnUnknownOneIsDueAtOnce() {
        settling.changed("2024-Q1", 0);
        settling.published("2024-Q1");
        settling.changed("2024-Q1", 40_000);
        assertThat(settling.due("2024-Q1", 41_000)).isFalse();
        assertThat(settling.due("2024-Q2", 41_000)).isTrue();
    }
}
