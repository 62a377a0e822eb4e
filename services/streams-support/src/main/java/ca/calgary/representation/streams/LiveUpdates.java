package ca.calgary.representation.streams;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;

/**
 * Streams settings of an application whose every hop a live update waits for (the live figures, the alerts). With
 * exactly-once a record becomes visible downstream only when its transaction commits, so each hop waits for the
 * next commit; a task may also be held back to order the records of several input partitions by timestamp. Live
 * updates need neither: short commits, and no timestamp alignment (every processor here accepts events in any
 * order). Polls as short as the commits: a stream thread commits only between polls, so with the default 100 ms
 * poll a thread without other traffic (the alert application between changes) held each hop's output up to 100 ms
 * (measured by {@code bench/run-alert-benchmark}: 100 ms per alert hop before, about 35 ms after).
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    public static Map<String, Object> streamsSettings(Duration commitInterval) {
        return Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis(),
                StreamsConfig.POLL_MS_CONFIG, commitInterval.toMillis(),
                StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }
}
