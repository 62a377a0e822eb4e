package ca.calgary.representation.metrics.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.events.contract.TopicSnapshot;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import ca.calgary.representation.support.CsvReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Benchmarks are reference data on the compacted topic {@code reference.benchmarks} (key {@code scope|group}): seeded
 * from a CSV at start for keys not yet on the topic, and changed at run time by administrators. A change reaches the
 * topology like any other record, which recomputes every affected cell.
 */
public class BenchmarkAdministration {

    /** The CSV header, in this order. */
    public static final List<String> CSV_COLUMNS = List.of("scope", "group", "share", "source", "year");

    private final KafkaProperties kafka;

    public BenchmarkAdministration(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    /** Reads a benchmarks CSV with the {@link #CSV_COLUMNS} header; throws naming the line of any bad row. */
    public static List<Benchmark> readCsv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmarks file " + file, e);
        }
        List<CsvReader.Row> rows = CsvReader.read(text);
        if (rows.isEmpty() || !rows.get(0).cells().stream().map(String::strip).toList().equals(CSV_COLUMNS)) {
            throw new IllegalArgumentException(file + ": the header must be " + String.join(",", CSV_COLUMNS));
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            List<String> c = row.cells();
            try {
                benchmarks.add(new Benchmark(new Scope(c.get(0).strip()), Group.valueOf(c.get(1).strip()),
                        new BigDecimal(c.get(2).strip()), c.get(3).strip(), Integer.parseInt(c.get(4).strip())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + row.line() + ": " + e.getMessage(), e);
            }
        }
        return benchmarks;
    }

    /** Publishes the file's benchmarks whose key is not on the topic yet. */
    public int seed(List<Benchmark> benchmarks) {
        Map<String, BenchmarkShare> current = current();
        int written = 0;
        for (Benchmark benchmark : benchmarks) {
            if (!current.containsKey(benchmark.key())) {
                put(benchmark);
                written++;
            }
        }
        return written;
    }

    public void put(Benchmark benchmark) {
        send(benchmark.key(), new BenchmarkShare(benchmark.scope().id(), benchmark.group().name(),
                benchmark.share().doubleValue(), benchmark.source(), benchmark.year()));
    }

    public void remove(String key) {
        send(key, null);
    }

    /** The benchmarks now in force, by key. */
    public Map<String, BenchmarkShare> current() {
        Map<String, Object> settings = new HashMap<>(kafka.buildConsumerProperties());
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        Map<String, BenchmarkShare> latest = new TreeMap<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            TopicSnapshot.read(consumer, MetricsTopic.BENCHMARKS.topicName(), Duration.ofSeconds(30), record -> {
                if (record.value() == null) {
                    latest.remove(record.key());
                } else {
                    latest.put(record.key(), (BenchmarkShare) record.value());
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            throw new ReferenceDataUnavailableException("cannot read the benchmarks from Kafka: " + e.getMessage(), e);
        }
        return latest;
    }

    private void send(String key, BenchmarkShare value) {
        Map<String, Object> settings = new HashMap<>(kafka.buildProducerProperties());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(MetricsTopic.BENCHMARKS.topicName(), key, value)).get(30,
                    TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReferenceDataUnavailableException("Kafka did not take the benchmark change: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReferenceDataUnavailableException("interrupted while changing a benchmark", e);
        }
    }
}
