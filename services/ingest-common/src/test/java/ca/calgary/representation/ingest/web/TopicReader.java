package ca.calgary.representation.ingest.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.events.contract.TopicSnapshot;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads whole topics as a plain Kafka consumer would (read_committed), with the project's deserializer. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every committed record of the topic, decoded into the generated classes. */
    public static List<ConsumerRecord<String, Object>> records(LocalPlatform platform, String topic) {
        Map<String, Object> settings = settings(platform);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        return readToEnd(platform, topic, new StringDeserializer(), values);
    }

    /** Every committed record of the topic as raw bytes. */
    public static List<ConsumerRecord<byte[], byte[]>> rawRecords(LocalPlatform platform, String topic) {
        return readToEnd(platform, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** What {@link #scan} found: the topics read, how many records, and each place a text was found in clear. */
    public record Scan(Set<String> topics, long records, List<String> found) {
    }

    /**
     * Reads every committed record of every topic (internal ones, changelogs and repartition topics included) as raw
     * bytes and reports each key or value that holds one of the texts in clear: the leak tests' search.
     */
    public static Scan scan(LocalPlatform platform, Collection<String> texts) throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        long records = 0;
        List<String> found = new ArrayList<>();
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : rawRecords(platform, topic)) {
                records++;
                for (String text : texts) {
                    if (holds(record.key(), text)) {
                        found.add(text + " in a key of " + topic);
                    }
                    if (holds(record.value(), text)) {
                        found.add(text + " in a value of " + topic);
                    }
                }
            }
        }
        return new Scan(topics, records, found);
    }

    /** Whether raw bytes hold the text in clear (ISO-8859-1 maps each byte to one char, so any bytes decode). */
    public static boolean holds(byte[] bytes, String text) {
        return bytes != null && new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static Map<String, Object> settings(LocalPlatform platform) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return settings;
    }

    private static <K, V> List<ConsumerRecord<K, V>> readToEnd(LocalPlatform platform, String topic,
                                                               Deserializer<K> keys, Deserializer<V> values) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(settings(platform), keys, values)) {
            TopicSnapshot.read(consumer, topic, Duration.ofSeconds(30), records::add);
        }
        return records;
    }
}
