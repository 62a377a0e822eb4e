package ca.calgary.representation.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a global view has applied its topic: the offset of the last record it applied in each partition. A
 * service answers reads from its views, which its Streams application's global thread fills at its own pace, so the
 * figures count as read only once the views hold every record its feeds have read, not when the feeds have. Offsets
 * of records, not positions: a transaction's commit marker takes an offset that no record holds.
 */
public final class ViewProgress {

    private final String topic;
    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();

    public ViewProgress(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    void applied(TopicPartition partition, long offset) {
        applied.merge(partition, offset, Math::max);
    }

    /** Whether the view has applied every record up to each partition's {@code lastRecords} offset. */
    public boolean covers(Map<TopicPartition, Long> lastRecords) {
        return lastRecords.entrySet().stream().filter(last -> last.getKey().topic().equals(topic))
                .allMatch(last -> applied.getOrDefault(last.getKey(), -1L) >= last.getValue());
    }
}
