package ca.calgary.representation.events.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing and consuming the event topics on a real platform with the project's serde, for the tests. */
final class EventTopicsOnKafka {

    private EventTopicsOnKafka() {
    }

    static Admin admin(LocalPlatform platform) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    static void publish(LocalPlatform platform, List<SampleEvents.Sample> samples, Map<String, Object> serdeSettings)
            throws Exception {
        Map<String, Object> settings = new HashMap<>(serdeSettings);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            for (SampleEvents.Sample sample : samples) {
                producer.send(new ProducerRecord<>(sample.topic().topicName(), sample.key(), sample.value())).get();
            }
        }
    }

    /** Every record now on the given topics, read from the beginning by a new consumer group. */
    static List<ConsumerRecord<String, Object>> readAll(LocalPlatform platform, Set<String> topics, int expected) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer =
                     new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
