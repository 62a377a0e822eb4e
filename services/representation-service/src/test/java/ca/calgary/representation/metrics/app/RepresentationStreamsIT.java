package ca.calgary.representation.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.GoldenCase;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology on the real broker and registry, exactly-once, reaches a golden case's figures. Its own platform:
 * the figures count every event on the topics, so they must hold this case's events only.
 */
public class RepresentationStreamsIT {

    private static final int PARTITIONS = 3;

    @TempDir
    java.nio.file.Path platformData;

    @Test
    void aGoldenCaseOnTheRealPlatform() throws Exception {
        try (LocalPlatform platform = LocalPlatform.start(
                ca.calgary.representation.platform.LocalPlatformConfig.withFreePorts(platformData))) {
            runGoldenCase(platform);
        }
    }

    private void runGoldenCase(LocalPlatform platform) throws Exception {
        GoldenCase golden = GoldenCase.load(GoldenCase.ROOT.resolve("05-benchmarks"));
        Map<String, Object> registry = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        Clock clock = Clock.fixed(golden.asOf().atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(18 * 3600),
                ZoneOffset.UTC);
        RepresentationStreams.Settings settings = new RepresentationStreams.Settings(platform.bootstrapServers(),
                registry, "representation-it", (short) 1, PARTITIONS, golden.config(), FlowConfig.defaults(), Duration.ofMillis(500),
                Duration.ofMillis(25), Duration.ofSeconds(5), Map.of(StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("representation-it-").toString()));

        try (RepresentationStreams streams = RepresentationStreams.start(settings, clock)) {
            publish(platform, golden, registry);
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(streams.isRunning()).isTrue();
                List<CellFigures> figures = new ArrayList<>();
                streams.figures().all().forEachRemaining(entry -> figures.add(asCore(entry.value)));
                assertThat(golden.mismatches(figures)).isEmpty();
            });
        }

        // A restart on an empty state directory restores the stores from their changelogs and rebuilds the counts:
        // one more hire adds one to the whole organisation.
        Map<String, Object> freshState = Map.of(StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("representation-it-restarted-").toString());
        RepresentationStreams.Settings restarted = new RepresentationStreams.Settings(settings.bootstrapServers(),
                registry, settings.applicationId(), (short) 1, PARTITIONS, golden.config(), FlowConfig.defaults(), Duration.ofMillis(500),
                Duration.ofMillis(25), Duration.ofSeconds(5), freshState);
        try (RepresentationStreams streams = RepresentationStreams.start(restarted, clock)) {
            OutgoingEvent hire = new OutgoingEvent(ca.calgary.representation.ingest.core.EventType.EMPLOYEE_HIRED,
                    "after-restart", "after-restart", ca.calgary.representation.events.contract.EventTopic.EMPLOYMENT,
                    "new-employee",
                    new EmploymentEvent("after-restart", "new-employee",
                            golden.asOf().minusDays(10), java.time.Instant.parse("2025-01-01T00:00:00Z"), "it",
                            Payloads.employeeHired(new ca.calgary.representation.events
                                    .Position("J", "Clerk", ca.calgary.representation.events.Level.FRONTLINE,
                                    "City/Corporate", "CORPORATE")), null), "");
            publish(platform, List.of(hire), registry);
            long before = golden.expected().get("ORG|ALL|TOTAL").headcount();
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(streams.isRunning()).isTrue();
                assertThat(streams.figures().get("ORG|ALL|TOTAL").getHeadcount()).isEqualTo(before + 1);
            });
        }
    }

    private static void publish(LocalPlatform platform, GoldenCase golden, Map<String, Object> registry)
            throws Exception {
        List<ProducerRecord<String, Object>> records = new ArrayList<>();
        for (var benchmark : golden.benchmarks()) {
            records.add(new ProducerRecord<>("reference.benchmarks", benchmark.key(),
                    new ca.calgary.representation.metrics.BenchmarkShare(benchmark.scope().id(),
                            benchmark.group().name(), benchmark.share().doubleValue(), benchmark.source(),
                            benchmark.year())));
        }
        // Round-robin over the partitions, as a producer with another partitioner than Kafka's default might: most
        // events are read off their employee's partition and reach the employee's task through employee-events, the
        // rest are processed where they were read, and the figures must not depend on which.
        List<OutgoingEvent> events = golden.events();
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent event = events.get(i);
            records.add(new ProducerRecord<>(event.topic().topicName(), i % PARTITIONS, event.key(), event.value()));
        }
        send(platform, records, registry);
    }

    /**
     * Publishes the events to their topics in one transaction, as the ingest API publishes a request: a history
     * arrives whole, so its figures are one first computation (SPEC §9), whatever the timing of the instances.
     */
    public static void publish(LocalPlatform platform, List<OutgoingEvent> events, Map<String, Object> registry) {
        Map<String, Object> settings = new HashMap<>(registry);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "history-" + java.util.UUID.randomUUID());
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            producer.initTransactions();
            producer.beginTransaction();
            events.forEach(event -> producer.send(new ProducerRecord<>(event.topic().topicName(), event.key(),
                    event.value())));
            producer.commitTransaction();
        }
    }

    private static void send(LocalPlatform platform, List<ProducerRecord<String, Object>> records,
                             Map<String, Object> registry) throws Exception {
        Map<String, Object> settings = new HashMap<>(registry);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            for (ProducerRecord<String, Object> record : records) {
                producer.send(record).get();
            }
        }
    }

    private static CellFigures asCore(RepresentationFigures f) {
        return new CellFigures(new Scope(f.getScope()), Tier.valueOf(f.getTier()), Group.valueOf(f.getGroup()),
                f.getAsOf(), f.getHeadcount(), f.getCount(), f.getSuppressed(), decimal(f.getRepresentation(), 4),
                null, null, decimal(f.getBenchmark(), 4), f.getBenchmarkSource(), f.getBenchmarkYear(),
                decimal(f.getGapPoints(), 2), null, null, null, null, null, null, null);
    }

    private static java.math.BigDecimal decimal(Double value, int scale) {
        return value == null ? null
                : java.math.BigDecimal.valueOf(value).setScale(scale, java.math.RoundingMode.HALF_UP);
    }
}
