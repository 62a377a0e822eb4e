package ca.calgary.representation.metrics.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import ca.calgary.representation.events.contract.TopicSnapshot;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerializer;
import ca.calgary.representation.support.CsvReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reference data on a compacted topic (benchmarks, goals): what is in force is the latest value of each key, read
 * whole; a change is one record, acknowledged by every replica before the caller hears it was made; null removes a
 * key. Seeded from a CSV for keys not on the topic yet.
 *
 * @param <V> the record type of the topic's values
 */
final class ReferenceData<V extends SpecificRecord> {

    private final KafkaProperties kafka;
    private final String topic;
    /** What the data is, in messages ("benchmarks", "goals"). */
    private final String what;
    private final Class<V> type;

    ReferenceData(KafkaProperties kafka, String topic, String what, Class<V> type) {
        this.kafka = kafka;
        this.topic = topic;
        this.what = what;
        this.type = type;
    }

    /**
     * Reads a CSV whose header is {@code columns} (in this order), each row through {@code row}; throws naming the
     * line of any bad row.
     */
    static <T> List<T> readCsv(Path file, List<String> columns, Function<List<String>, T> row) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<CsvReader.Row> rows = CsvReader.read(text);
        if (rows.isEmpty() || !rows.get(0).cells().stream().map(String::strip).toList().equals(columns)) {
            throw new IllegalArgumentException(file + ": the header must be " + String.join(",", columns));
        }
        List<T> values = new ArrayList<>();
        for (CsvReader.Row line : rows.subList(1, rows.size())) {
            try {
                values.add(row.apply(line.cells().stream().map(String::strip).toList()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + line.line() + ": " + e.getMessage(), e);
            }
        }
        return values;
    }

    /** Publishes the values whose key is not on the topic yet; returns how many. */
    int seed(Map<String, V> values) {
        Map<String, V> current = current();
        int written = 0;
        for (Map.Entry<String, V> value : values.entrySet()) {
            if (!current.containsKey(value.getKey())) {
                send(value.getKey(), value.getValue());
                written++;
            }
        }
        return written;
    }

    /** The values in force, by key. */
    Map<String, V> current() {
        Map<String, Object> settings = TopicSnapshot.readerSettings(kafka.buildConsumerProperties());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        Map<String, V> latest = new TreeMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            TopicSnapshot.read(consumer, topic, Duration.ofSeconds(30), record -> {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), type.cast(record.value()));
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            throw new ReferenceDataUnavailableException("cannot read the " + what + " from Kafka: " + e.getMessage(),
                    e);
        }
        return latest;
    }

    /** Sets (or, with a null value, removes) one key, acknowledged by every replica. */
    void send(String key, V value) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReferenceDataUnavailableException("Kafka did not take the change of " + what + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReferenceDataUnavailableException("interrupted while changing " + what, e);
        }
    }
}
