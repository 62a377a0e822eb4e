package ca.calgary.representation.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * When the records of a probe became visible (committed) on each topic of a path: the time of the last matching
 * record per topic since the last {@link #reset()}. It tells which hop of an exactly-once path a latency is spent
 * in, as a reader downstream of that hop sees it.
 */
final class HopWatch implements AutoCloseable {

    private final List<String> topics;
    private final Predicate<String> probeKey;
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    HopWatch(String bootstrapServers, List<String> topics, Predicate<String> probeKey) {
        this.topics = List.copyOf(topics);
        this.probeKey = probeKey;
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        reader = new Thread(() -> read(consumer), "hop-watch");
        reader.setDaemon(true);
        reader.start();
    }

    void reset() {
        lastSeen.clear();
    }

    /** Nanosecond time of the last probe record on each topic since the reset, or null where none came. */
    Long lastSeen(String topic) {
        return lastSeen.get(topic);
    }

    List<String> topics() {
        return topics;
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    if (record.key() != null && probeKey.test(record.key())) {
                        lastSeen.put(record.topic(), System.nanoTime());
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join();
    }
}
