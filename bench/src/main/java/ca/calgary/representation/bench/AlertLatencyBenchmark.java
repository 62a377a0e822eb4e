package ca.calgary.representation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.app.AlertStreams;
import ca.calgary.representation.alerts.core.AlertRules;
import ca.calgary.representation.alerts.core.AlertThresholds;
import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SeparationReason;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Event-to-alert latency at a steady input rate. Background hires flow at a fixed rate; a probe unit of k white
 * clerks, with a benchmark of 50% Black for the unit, has its k Black clerks separated (a REPRESENTATION_GAP opens) and
 * rehired (it resolves), again and again. k is the release threshold (SPEC §9): each flip changes exactly the k people
 * that release the unit's figures, so its last event is the change that completes a release. Two latencies are measured from sending the flip: to the probe unit's new
 * head count on {@code metrics.representation} (ingest's topics, the representation topology and its publish
 * interval), and to the OPEN or RESOLVED transition of the probe's alert on {@code alerts.transitions} (then the
 * alert topology and its output), all exactly-once. The first flips after the warm-up are reported, not counted.
 *
 * <p>Arguments: {@code [background events per second (200)] [flips (40)] [publish interval ms (100)]}.
 */
public final class AlertLatencyBenchmark {

    /** The representation and alert services' default {@code commit-interval}. */
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(25);
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    /** Flips made after the warm-up and not counted (the first is always the slowest: cold code paths). */
    private static final int WARM_UP_FLIPS = 4;
    private static final String PROBE_UNIT = "City/Probe";
    private static final String ALERT_ID = "REPRESENTATION_GAP|UNIT:" + PROBE_UNIT + "|ALL|BLACK";
    private static final int PROBE_SIZE = RepresentationConfig.defaults().releaseThreshold();
    private static final String PROBE_CELL = "UNIT:" + PROBE_UNIT + "|ALL|TOTAL";

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int flips = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        Duration publishInterval = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 100);
        Path data = Files.createTempDirectory("alert-benchmark-");
        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(data.resolve("platform")))) {
            Map<String, Object> registry = new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                    platform.registryUrl()));
            RepresentationStreams.Settings representation = new RepresentationStreams.Settings(
                    platform.bootstrapServers(), registry, "representation-alert-benchmark", (short) 1, 6,
                    RepresentationConfig.defaults(), FlowConfig.defaults(), publishInterval, COMMIT_INTERVAL,
                    Duration.ofMinutes(1),
                    Map.of(StreamsConfig.STATE_DIR_CONFIG, data.resolve("representation-state").toString()));
            AlertStreams.Settings alerts = new AlertStreams.Settings(platform.bootstrapServers(), registry,
                    "alert-benchmark", (short) 1, 6, new AlertRules(AlertThresholds.defaults()), Duration.ofSeconds(2),
                    COMMIT_INTERVAL,
                    Map.of(StreamsConfig.STATE_DIR_CONFIG, data.resolve("alert-state").toString()));
            try (RepresentationStreams metrics = RepresentationStreams.start(representation, Clock.systemUTC());
                 AlertStreams alerting = AlertStreams.start(alerts);
                 KafkaProducer<String, Object> producer = producer(platform, registry);
                 KafkaConsumer<String, Object> transitions = reader(platform, registry,
                         AlertTopic.TRANSITIONS.topicName());
                 KafkaConsumer<String, Object> figures = reader(platform, registry,
                         MetricsTopic.REPRESENTATION.topicName())) {
                awaitRunning(metrics, alerting);
                // every hop of the path, in order: the internal topics exist once both applications run
                HopWatch hops = new HopWatch(platform.bootstrapServers(), List.of(
                        EventTopic.EMPLOYMENT.topicName(),
                        representation.applicationId() + "-employee-events-repartition",
                        representation.applicationId() + "-contribution-changes-repartition",
                        MetricsTopic.REPRESENTATION.topicName(),
                        alerts.applicationId() + "-alert-signals-repartition",
                        AlertTopic.TRANSITIONS.topicName()),
                        key -> key.startsWith("probe-black-") || key.contains(PROBE_UNIT));
                // the service's today, in its zone: an event dated later is future-dated and waits for its day
                LocalDate today = LocalDate.now(RepresentationConfig.defaults().zone());
                producer.send(new ProducerRecord<>(MetricsTopic.BENCHMARKS.topicName(), "UNIT:" + PROBE_UNIT + "|BLACK",
                        new BenchmarkShare("UNIT:" + PROBE_UNIT, "BLACK", 0.5, "benchmark", 2021))).get();
                for (int i = 0; i < PROBE_SIZE; i++) {
                    hire(producer, "probe-white-" + i, "probe-white-" + i, today, RaceCategory.WHITE, PROBE_UNIT);
                    hire(producer, "probe-black-" + i, "probe-black-" + i + "-0", today, RaceCategory.BLACK,
                            PROBE_UNIT);
                }
                producer.flush();
                // a service in operation has published its first computation (SPEC §9), which waits for its first
                // load to pause: the background load starts once the probe's figures are out
                if (!awaitRecord(figures, PROBE_CELL, value -> value instanceof RepresentationFigures f
                        && f.getHeadcount() == 2L * PROBE_SIZE, Duration.ofSeconds(60))) {
                    throw new IllegalStateException("the probe's first figures were not published within 60 s");
                }

                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicLong background = new AtomicLong();
                Thread load = new Thread(() -> backgroundLoad(producer, rate, today, loading, background), "load");
                load.start();
                // The probe settles and the JIT warms up under the background load: a service in operation runs warm.
                Thread.sleep(WARM_UP.toMillis());

                System.out.printf("Alert latency benchmark: background %d events/s, %d flips, publish interval %d ms, "
                        + "%d cores, after %d s of warm-up and %d warm-up flips%n", rate, flips,
                        publishInterval.toMillis(), Runtime.getRuntime().availableProcessors(), WARM_UP.toSeconds(),
                        WARM_UP_FLIPS);
                Probe probe = new Probe(producer, figures, transitions, hops, today);
                // The first flips take the separation, rehire and alert paths for the first time (classes loaded,
                // code compiled, partitions first added to the applications' transactions): measured, reported
                // apart, and not counted, as the background load's warm-up is not.
                for (int flip = 1; flip <= WARM_UP_FLIPS; flip++) {
                    Flip warm = probe.flip(flip);
                    System.out.printf("warm-up flip %d: %d ms to the metric, %d ms to the alert%n", flip,
                            warm.toMetricMs(), warm.toAlertMs());
                }
                List<Long> latencies = new ArrayList<>();
                List<Long> metricLatencies = new ArrayList<>();
                Map<String, List<Long>> hopLatencies = new java.util.LinkedHashMap<>();
                for (int flip = WARM_UP_FLIPS + 1; flip <= WARM_UP_FLIPS + flips; flip++) {
                    Flip measured = probe.flip(flip);
                    if (measured.toMetricMs() >= 0) {
                        metricLatencies.add(measured.toMetricMs());
                    }
                    if (measured.toAlertMs() < 0) {
                        continue;
                    }
                    latencies.add(measured.toAlertMs());
                    if (measured.toAlertMs() > 500) {
                        System.out.printf("flip %d: %d ms to the alert (%d ms to the metric)%n", flip,
                                measured.toAlertMs(), measured.toMetricMs());
                    }
                    measured.hops().forEach((topic, ms) ->
                            hopLatencies.computeIfAbsent(topic, t -> new ArrayList<>()).add(ms));
                }
                loading.set(false);
                load.join();
                System.out.printf("background events sent: %,d%n", background.get());
                report("event-to-metric latency (metrics.representation)", metricLatencies);
                report("event-to-alert latency (alerts.transitions)", latencies);
                System.out.println("where the time goes: when the flip's last record became visible on each hop");
                hopLatencies.forEach((topic, hop) -> report("  " + topic, hop));
                hops.close();
            }
        }
    }

    /**
     * One flip's latencies from sending it: to the probe's new head count on {@code metrics.representation}, to its
     * transition on {@code alerts.transitions} (-1 where none came within a minute), and to the flip's last record on
     * each hop of the path.
     */
    record Flip(long toMetricMs, long toAlertMs, Map<String, Long> hops) {
    }

    /** Flips the probe unit: odd flips separate its Black clerks (a gap opens), even ones rehire them (it resolves). */
    private record Probe(KafkaProducer<String, Object> producer, KafkaConsumer<String, Object> figures,
                         KafkaConsumer<String, Object> transitions, HopWatch hops, LocalDate today) {

        Flip flip(int flip) throws InterruptedException {
            boolean open = flip % 2 == 1;
            hops.reset();
            long sent = System.nanoTime();
            for (int i = 0; i < PROBE_SIZE; i++) {
                String key = "probe-black-" + i;
                EmploymentEvent event = open
                        ? new EmploymentEvent("sep-" + key + "-" + flip, key, today, Instant.now(), "bench",
                                Payloads.employeeSeparated(SeparationReason.RESIGNATION), null)
                        : new EmploymentEvent("rehire-" + key + "-" + flip, key, today, Instant.now(), "bench",
                                Payloads.employeeHired(clerk(PROBE_UNIT)), null);
                producer.send(new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), key, event));
            }
            producer.flush();
            long headcount = open ? PROBE_SIZE : 2L * PROBE_SIZE;
            long toMetric = -1;
            if (awaitRecord(figures, PROBE_CELL, value -> value instanceof RepresentationFigures f
                    && f.getHeadcount() == headcount, Duration.ofSeconds(60))) {
                toMetric = (System.nanoTime() - sent) / 1_000_000;
            } else {
                System.out.printf("flip %d: no head count of %d within 60 s%n", flip, headcount);
            }
            String expected = open ? "OPEN" : "RESOLVED";
            if (!awaitRecord(transitions, ALERT_ID, value -> value instanceof AlertTransition transition
                    && expected.equals(transition.getStatus()), Duration.ofSeconds(60))) {
                System.out.printf("flip %d: no %s within 60 s%n", flip, expected);
                return new Flip(toMetric, -1, Map.of());
            }
            long toAlert = (System.nanoTime() - sent) / 1_000_000;
            Thread.sleep(500);
            Map<String, Long> hopLatencies = new java.util.LinkedHashMap<>();
            for (String topic : hops.topics()) {
                Long seen = hops.lastSeen(topic);
                if (seen != null) {
                    hopLatencies.put(topic, (seen - sent) / 1_000_000);
                }
            }
            return new Flip(toMetric, toAlert, hopLatencies);
        }
    }

    private static void backgroundLoad(KafkaProducer<String, Object> producer, int rate, LocalDate today,
                                       AtomicBoolean loading, AtomicLong sent) {
        long start = System.nanoTime();
        String[] units = {"City/Corporate/Finance", "City/Operations/Transit", "City/Operations/Water"};
        RaceCategory[] races = RaceCategory.values();
        while (loading.get()) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (sent.get() < due) {
                long n = sent.get();
                String key = "load-" + n;
                hire(producer, key, key, today, races[(int) (n % races.length)], units[(int) (n % units.length)]);
                sent.addAndGet(2);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void hire(KafkaProducer<String, Object> producer, String key, String eventId, LocalDate day,
                             RaceCategory race, String unit) {
        producer.send(new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), key, new EmploymentEvent(
                "hire-" + eventId, key, day, Instant.now(), "bench", Payloads.employeeHired(clerk(unit)), null)));
        producer.send(new ProducerRecord<>(EventTopic.SELF_IDENTIFICATION.topicName(), key,
                new SelfIdentificationEvent("self-id-" + eventId, key, day, Instant.now(), "bench",
                        Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.RESPONDED, List.of(),
                                List.of(race)), null)));
    }

    private static Position clerk(String unit) {
        return new Position("CLK", "Clerk", Level.FRONTLINE, unit, "CORPORATE");
    }

    private static void report(String what, List<Long> latencies) {
        Collections.sort(latencies);
        System.out.printf("%s over %d flips: p50 %d ms, p99 %d ms, max %d ms, min %d ms%n", what, latencies.size(),
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1),
                latencies.get(0));
    }

    /** Reads until a record of this key matches (the reader reads committed records only). */
    private static boolean awaitRecord(KafkaConsumer<String, Object> reader, String key,
                                       java.util.function.Predicate<Object> matches, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Object> record : reader.poll(Duration.ofMillis(5))) {
                if (key.equals(record.key()) && matches.test(record.value())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void awaitRunning(RepresentationStreams metrics, AlertStreams alerts) throws InterruptedException {
        while (!metrics.isRunning() || !alerts.isRunning()) {
            Thread.sleep(200);
        }
    }

    private static KafkaProducer<String, Object> producer(LocalPlatform platform, Map<String, Object> registry) {
        Map<String, Object> settings = new HashMap<>(registry);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        return new KafkaProducer<>(settings, new StringSerializer(), values);
    }

    private static KafkaConsumer<String, Object> reader(LocalPlatform platform, Map<String, Object> registry,
                                                        String topic) {
        Map<String, Object> settings = new HashMap<>(registry);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values);
        List<TopicPartition> partitions = new ArrayList<>();
        while (partitions.isEmpty()) {
            consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
