package ca.calgary.representation.metrics.app;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Benchmarks are reference data on the compacted topic {@code reference.benchmarks} (key {@code scope|group}): seeded
 * from a CSV at start for keys not yet on the topic, and changed at run time by administrators. A change reaches the
 * topology like any other record, which recomputes every affected cell.
 */
public class BenchmarkAdministration {

    /** The CSV header, in this order. */
    public static final List<String> CSV_COLUMNS = List.of("scope", "group", "share", "source", "year");

    private final ReferenceData<BenchmarkShare> topic;

    public BenchmarkAdministration(KafkaProperties kafka) {
        this.topic = new ReferenceData<>(kafka, MetricsTopic.BENCHMARKS.topicName(), "benchmarks",
                BenchmarkShare.class);
    }

    /** Reads a benchmarks CSV with the {@link #CSV_COLUMNS} header; throws naming the line of any bad row. */
    public static List<Benchmark> readCsv(Path file) {
        return ReferenceData.readCsv(file, CSV_COLUMNS, c -> new Benchmark(new Scope(c.get(0)), Group.valueOf(c.get(1)),
                new BigDecimal(c.get(2)), c.get(3), Integer.parseInt(c.get(4))));
    }

    /** Publishes the file's benchmarks whose key is not on the topic yet. */
    public int seed(List<Benchmark> benchmarks) {
        Map<String, BenchmarkShare> values = new LinkedHashMap<>();
        benchmarks.forEach(benchmark -> values.put(benchmark.key(), record(benchmark)));
        return topic.seed(values);
    }

    public void put(Benchmark benchmark) {
        topic.send(benchmark.key(), record(benchmark));
    }

    public void remove(String key) {
        topic.send(key, null);
    }

    /** The benchmarks now in force, by key. */
    public Map<String, BenchmarkShare> current() {
        return topic.current();
    }

    private static BenchmarkShare record(Benchmark benchmark) {
        return new BenchmarkShare(benchmark.scope().id(), benchmark.group().name(), benchmark.share().doubleValue(),
                benchmark.source(), benchmark.year());
    }
}
