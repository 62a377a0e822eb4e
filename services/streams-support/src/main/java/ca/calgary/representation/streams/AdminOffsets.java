package ca.calgary.representation.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/** The offsets a lag is measured from, read through an {@link Admin} client, each call bounded by a timeout. */
public final class AdminOffsets {

    private final Admin admin;
    private final Duration callTimeout;

    public AdminOffsets(Admin admin, Duration callTimeout) {
        this.admin = admin;
        this.callTimeout = callTimeout;
    }

    /** Every partition of the topics. */
    public Set<TopicPartition> partitions(Set<String> topics) {
        Set<TopicPartition> partitions = new HashSet<>();
        if (topics.isEmpty()) {
            return partitions;
        }
        get(admin.describeTopics(topics).allTopicNames()).values().forEach(topic -> topic.partitions()
                .forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition()))));
        return partitions;
    }

    /** The group's committed position in each partition it has committed. */
    public Map<TopicPartition, Long> committed(String groupId) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()).forEach((partition, offset) -> {
            if (offset != null) {
                positions.put(partition, offset.offset());
            }
        });
        return positions;
    }

    /**
     * The partitions' offsets of {@code spec}. The high watermark, not the last stable offset: events behind a
     * transaction still open (a producer that crashed mid-batch) are accepted but unreadable until it ends, so they
     * count as not read yet.
     */
    public Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + callTimeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
