package ca.calgary.representation.events.contract;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ca.calgary.representation.serde.AvroSerdeConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads every record a topic holds now, from the beginning to the end offsets taken at the start. */
public final class TopicSnapshot {

    private TopicSnapshot() {
    }

    /**
     * Settings of a consumer that reads topics whole ({@link #read}) or tails them without a group: no group, no
     * commits, committed records only, Avro values as their specific classes.
     *
     * @param consumerProperties the service's consumer settings (bootstrap, security, registry)
     */
    public static Map<String, Object> readerSettings(Map<String, Object> consumerProperties) {
        Map<String, Object> settings = new HashMap<>(consumerProperties);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return settings;
    }

    /**
     * @param consumer a consumer without a group (it is assigned every partition of the topic)
     * @param each     receives every record, in partition order
     * @throws IllegalStateException when the end is not reached within {@code timeout}
     */
    public static <K, V> void read(KafkaConsumer<K, V> consumer, String topic, Duration timeout,
                                   Consumer<ConsumerRecord<K, V>> each) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
