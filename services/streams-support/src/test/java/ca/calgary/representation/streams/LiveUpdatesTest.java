package ca.calgary.representation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

    @Test
    void aLiveHopWaitsForNoMoreThanOneCommitIntervalAndNeverForTimestampAlignment() {
        assertThat(LiveUpdates.streamsSettings(Duration.ofMillis(25)))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 25L)
                // a thread commits only between polls: a longer poll would hold an idle thread's output
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 25L)
                .containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }
}
