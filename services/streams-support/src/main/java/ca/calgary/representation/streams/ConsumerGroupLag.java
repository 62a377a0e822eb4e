package ca.calgary.representation.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind its input, from samples of the partitions' end offsets and the group's
 * committed offsets. The lag in events is the sum of what is past each committed offset. The lag in time is exact,
 * not a guess from record timestamps: every sample remembers when each end offset was read, so once the group has
 * committed past an end offset read at time t, every event published before t has been processed; the group reflects
 * its input up to the latest such t of its slowest partition. Not thread-safe: one sampler feeds it.
 */
public final class ConsumerGroupLag {

    /** Where a partition's end stood at a sample. */
    private record EndAt(Instant at, long end) {
    }

    /**
     * The lag at one sample.
     *
     * @param reflectsInputUntil every event published before this has been processed
     * @param exact              false while a partition has not passed any end this tracker saw since it started
     *                           (the group was already behind): then the time is when tracking began, a lower bound
     *                           of how far behind it is
     */
    public record Lag(long events, Instant reflectsInputUntil, Instant observedAt, boolean exact) {

        public boolean caughtUp() {
            return events == 0;
        }

        /** How long the oldest unprocessed event may have waited: 0 when caught up. */
        public Duration behind() {
            return Duration.between(reflectsInputUntil, observedAt);
        }
    }

    private final Map<TopicPartition, Deque<EndAt>> ends = new HashMap<>();
    private final Map<TopicPartition, Instant> reflected = new HashMap<>();
    private final Map<TopicPartition, Instant> firstSeen = new HashMap<>();

    /**
     * @param endsReadAt when the end offsets were read (before reading them: the committed offsets are read after)
     * @param endOffsets every input partition's end (last stable offset)
     * @param committed  the group's position in each partition; absent where it has committed nothing (then it is
     *                   at {@code startOffsets})
     * @param startOffsets the earliest offset of each partition without a committed position
     */
    public Lag observe(Instant endsReadAt, Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> committed,
                       Map<TopicPartition, Long> startOffsets) {
        long events = 0;
        Instant slowest = endsReadAt;
        boolean exact = true;
        ends.keySet().retainAll(endOffsets.keySet());
        reflected.keySet().retainAll(endOffsets.keySet());
        firstSeen.keySet().retainAll(endOffsets.keySet());
        for (Map.Entry<TopicPartition, Long> partition : endOffsets.entrySet()) {
            TopicPartition key = partition.getKey();
            long end = partition.getValue();
            long position = committed.getOrDefault(key, startOffsets.getOrDefault(key, 0L));
            firstSeen.putIfAbsent(key, endsReadAt);
            Deque<EndAt> history = ends.computeIfAbsent(key, k -> new ArrayDeque<>());
            history.addLast(new EndAt(endsReadAt, end));
            // The newest sample whose end the group has passed: all before it is processed; older samples are done.
            EndAt passed = null;
            while (!history.isEmpty() && history.peekFirst().end() <= position) {
                passed = history.pollFirst();
            }
            if (passed != null) {
                reflected.put(key, passed.at());
            }
            if (history.isEmpty()) {
                history.addLast(new EndAt(endsReadAt, end));
            }
            events += Math.max(0, end - position);
            Instant until = end <= position ? endsReadAt : reflected.get(key);
            if (until == null) {
                until = firstSeen.get(key);
                exact = false;
            }
            if (until.isBefore(slowest)) {
                slowest = until;
            }
        }
        return new Lag(events, slowest, endsReadAt, exact);
    }
}
