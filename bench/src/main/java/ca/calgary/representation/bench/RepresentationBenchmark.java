package ca.calgary.representation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SelfIdentificationSubmitted;
import ca.calgary.representation.events.SeparationReason;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Replays about 1,000,000 HR events for 100,000 employees (hires from 2012 over eleven years, transfers, promotions,
 * many through competitions with applications and shortlistings, mentorship enrolments and completions, separations)
 * from Kafka through the representation topology (exactly-once) and reports HR events per second until every input
 * and repartition topic is consumed and every metrics topic has stopped changing, beside a trivial exactly-once Kafka
 * Streams pass-through over the same input on the same broker in the same run (the machine's ceiling); the records
 * written to each metrics topic against its final number of keys; peak heap, state bytes per employee, log lines of
 * transaction trouble, and the time to restore the state onto an empty state directory.
 *
 * <p>Arguments: {@code [employees (default 100000)] [events per employee (default 10)]}.
 */
public final class RepresentationBenchmark {

    private static final List<String> INPUTS = Stream.of(EventTopic.values()).map(EventTopic::topicName).toList();
    /** Every metrics topic: the run is timed until all of them are up to date. */
    private static final List<MetricsTopic> METRICS = List.of(MetricsTopic.REPRESENTATION, MetricsTopic.FLOWS,
            MetricsTopic.REPRESENTATION_SNAPSHOTS, MetricsTopic.COMPETITIONS);

    public static void main(String[] args) throws Exception {
        int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perEmployee = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path data = Files.createTempDirectory("representation-benchmark-");
        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(data.resolve("platform")))) {
            Map<String, Object> registry = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
            createInputs(platform);
            long produced = produce(platform, registry, employees, perEmployee);
            System.out.printf("Representation benchmark: %,d events for %,d employees, %d cores, Kafka %s%n", produced,
                    employees, Runtime.getRuntime().availableProcessors(), platform.bootstrapServers());

            double ceiling = passThrough(platform, data.resolve("passthrough-state"), produced);
            System.out.printf("pass-through (exactly-once, bytes in, bytes out): %,.0f events/s%n", ceiling);

            resetPeakHeap();
            Path state = data.resolve("representation-state");
            long started = System.nanoTime();
            RepresentationStreams.Settings settings = settings(platform, registry, state);
            TransactionTroubleCounter trouble = TransactionTroubleCounter.attach();
            try (RepresentationStreams streams = RepresentationStreams.start(settings, Clock.systemUTC())) {
                awaitConsumed(platform, settings.applicationId());
                awaitConsumed(platform, settings.flowsApplicationId());
                awaitQuiet(platform, METRICS, Duration.ofSeconds(5));
                double seconds = (System.nanoTime() - started) / 1e9 - 5;
                double rate = produced / seconds;
                System.out.printf("representation topology: %,.0f events/s (%.1f s until every metrics topic was up "
                        + "to date)%n", rate, seconds);
                System.out.printf("ratio to the pass-through: %.2f%n", rate / ceiling);
                System.out.printf("%-34s %12s %12s %8s%n", "records written while loading", "records", "keys",
                        "ratio");
                for (MetricsTopic topic : METRICS) {
                    long records = endOffset(platform, topic.topicName());
                    long keys = count(view(streams, topic));
                    System.out.printf("%-34s %,12d %,12d %8.2f%n", topic.topicName(), records, keys,
                            keys == 0 ? 0.0 : (double) records / keys);
                }
                long bytes = size(state);
                System.out.printf("peak heap %,d MiB (benchmark JVM: platform clients, producer and topology); "
                                + "state directory %.1f MiB, %,d bytes per employee%n", peakHeap() >> 20,
                        bytes / 1048576.0, bytes / employees);
            }
            System.out.printf("log lines of transaction trouble (InvalidProducerEpoch, TaskMigrated, transaction "
                    + "timeouts) while loading: %d%s%n", trouble.count(), trouble.first());
            long restoreStarted = System.nanoTime();
            Path emptyState = data.resolve("restored-state");
            try (RepresentationStreams restored = RepresentationStreams.start(settings(platform, registry,
                    emptyState), Clock.systemUTC())) {
                awaitRunning(restored);
                System.out.printf("restore onto an empty state directory: %.1f s until RUNNING (%.1f MiB restored)%n",
                        (System.nanoTime() - restoreStarted) / 1e9, size(emptyState) / 1048576.0);
            }
        }
    }

    private static RepresentationStreams.Settings settings(LocalPlatform platform, Map<String, Object> registry,
                                                           Path state) {
        return new RepresentationStreams.Settings(platform.bootstrapServers(), registry, "representation-benchmark",
                (short) 1, 6, RepresentationConfig.defaults(), FlowConfig.defaults(), Duration.ofMillis(100),
                Duration.ofMillis(25), Duration.ofMinutes(1), Map.of(StreamsConfig.STATE_DIR_CONFIG, state.toString(),
                StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2));
    }

    private static void createInputs(LocalPlatform platform) throws Exception {
        try (Admin admin = admin(platform)) {
            admin.createTopics(INPUTS.stream().map(name -> new NewTopic(name, 6, (short) 1)).toList()).all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static long produce(LocalPlatform platform, Map<String, Object> registry, int employees, int perEmployee) {
        Map<String, Object> settings = new HashMap<>(registry);
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        Random random = new Random(42);
        String[] units = {"City/Public Safety/Calgary Police Service/Patrol", "City/Public Safety/Calgary Police Service/Investigations",
                "City/Public Safety/Calgary Fire Department/Operations", "City/Public Safety/Emergency Communications",
                "City/Corporate/Finance", "City/Corporate/People", "City/Operations/Transit", "City/Operations/Water"};
        long count = 0;
        Set<String> openedCompetitions = new HashSet<>();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            for (int e = 0; e < employees; e++) {
                String key = "employee-" + e;
                LocalDate day = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(4000));
                producer.send(new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), key, new EmploymentEvent(
                        "h" + e, key, day, Instant.EPOCH, "bench", Payloads.employeeHired(position(random, units)), null)));
                producer.send(new ProducerRecord<>(EventTopic.SELF_IDENTIFICATION.topicName(), key,
                        new SelfIdentificationEvent("s" + e, key, day, Instant.EPOCH, "bench", submission(random), null)));
                count += 2;
                for (int i = 2; i < perEmployee; i++) {
                    day = day.plusDays(30 + random.nextInt(200));
                    String id = "e" + e + "-" + i;
                    int kind = random.nextInt(10);
                    if (kind >= 4 && kind <= 6 && i + 2 < perEmployee) {
                        // a promotion through a competition: application, shortlisting (most), promotion (some)
                        Position target = position(random, units);
                        String competition = "C-" + target.getOrgUnitPath().hashCode() + "-" + target.getLevel() + "-"
                                + day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
                        if (openedCompetitions.add(competition)) {
                            producer.send(new ProducerRecord<>(EventTopic.PROMOTION.topicName(), competition,
                                    new PromotionEvent("open-" + competition, null, day.withDayOfMonth(1), Instant.EPOCH,
                                            "bench", Payloads.promotionCompetitionOpened(competition, target), null)));
                        }
                        producer.send(new ProducerRecord<>(EventTopic.PROMOTION.topicName(), key, new PromotionEvent(
                                id + "-applied", key, day, Instant.EPOCH, "bench",
                                Payloads.promotionApplicationSubmitted(competition), null)));
                        boolean shortlisted = random.nextInt(3) > 0;
                        if (shortlisted) {
                            producer.send(new ProducerRecord<>(EventTopic.PROMOTION.topicName(), key, new PromotionEvent(
                                    id + "-shortlisted", key, day.plusDays(10), Instant.EPOCH, "bench",
                                    Payloads.promotionCandidateShortlisted(competition), null)));
                        }
                        boolean promoted = shortlisted && random.nextBoolean();
                        if (promoted) {
                            producer.send(new ProducerRecord<>(EventTopic.PROMOTION.topicName(), key, new PromotionEvent(
                                    id, key, day.plusDays(20), Instant.EPOCH, "bench",
                                    Payloads.employeePromoted(target, competition), null)));
                        }
                        day = day.plusDays(20);
                        i += 1 + (shortlisted ? 1 : 0) + (promoted ? 1 : 0) - 1;
                        count += 1 + (shortlisted ? 1 : 0) + (promoted ? 1 : 0);
                        continue;
                    }
                    ProducerRecord<String, Object> record = switch (kind) {
                        case 0, 1, 2, 3 -> new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), key,
                                new EmploymentEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.employeeTransferred(position(random, units)), null));
                        case 4, 5, 6 -> new ProducerRecord<>(EventTopic.PROMOTION.topicName(), key,
                                new PromotionEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.employeePromoted(position(random, units), null), null));
                        case 7 -> new ProducerRecord<>(EventTopic.MENTORSHIP.topicName(), key,
                                new MentorshipEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.mentorshipEnrolled("P" + day.getYear(), MentorshipRole.MENTEE), null));
                        case 8 -> new ProducerRecord<>(EventTopic.MENTORSHIP.topicName(), key,
                                new MentorshipEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.mentorshipCompleted("P" + day.minusYears(1).getYear()), null));
                        default -> new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), key,
                                new EmploymentEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.employeeSeparated(SeparationReason.RETIREMENT), null));
                    };
                    producer.send(record);
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    private static Position position(Random random, String[] units) {
        String unit = units[random.nextInt(units.length)];
        String line = unit.contains("Police") ? "POLICE" : unit.contains("Fire") ? "FIRE"
                : unit.contains("Emergency") ? "EMERGENCY_COMMUNICATIONS" : "CORPORATE";
        return new Position("J", "Title", Level.values()[Math.min(4, (int) Math.abs(random.nextGaussian() * 1.3))],
                unit, line);
    }

    private static SelfIdentificationSubmitted submission(Random random) {
        if (random.nextInt(4) == 0) {
            return Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.PREFER_NOT_TO_ANSWER, List.of(), List.of());
        }
        List<IndigenousIdentity> indigenous = random.nextInt(25) == 0 ? List.of(IndigenousIdentity.METIS) : List.of();
        List<RaceCategory> race = List.of(RaceCategory.values()[random.nextInt(RaceCategory.values().length)]);
        return Payloads.selfIdentificationSubmitted(SelfIdentificationStatus.RESPONDED, indigenous, race);
    }

    private static double passThrough(LocalPlatform platform, Path state, long events) throws Exception {
        try (Admin admin = admin(platform)) {
            admin.createTopics(List.of(new NewTopic("bench.passthrough", 6, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUTS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("passthrough-source"))
                .to("bench.passthrough", Produced.with(Serdes.String(), Serdes.ByteArray()).withName("passthrough-sink"));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "passthrough-benchmark");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        long started = System.nanoTime();
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties)) {
            streams.start();
            awaitConsumed(platform, "passthrough-benchmark");
            return events / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Waits until the application's group has committed every partition it reads up to the end. */
    private static void awaitConsumed(LocalPlatform platform, String group) throws Exception {
        try (Admin admin = admin(platform)) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Set<TopicPartition> read = committed.keySet();
                boolean inputsAssigned = INPUTS.stream().allMatch(topic -> read.stream()
                        .anyMatch(partition -> partition.topic().equals(topic)));
                if (inputsAssigned) {
                    Map<TopicPartition, OffsetSpec> latest = read.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    // Exactly-once leaves a transaction marker after the last record: end - 1 is caught up.
                    boolean caughtUp = read.stream().allMatch(p -> committed.get(p).offset() >= ends.get(p).offset() - 1);
                    if (caughtUp) {
                        return;
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Waits until none of the topics has grown for the quiet period. */
    private static void awaitQuiet(LocalPlatform platform, List<MetricsTopic> topics, Duration quiet) throws Exception {
        long last = -1;
        while (true) {
            long end = 0;
            for (MetricsTopic topic : topics) {
                end += endOffset(platform, topic.topicName());
            }
            if (end == last && end > 0) {
                return;
            }
            last = end;
            Thread.sleep(quiet.toMillis());
        }
    }

    private static ReadOnlyKeyValueStore<String, ?> view(RepresentationStreams streams, MetricsTopic topic) {
        return switch (topic) {
            case REPRESENTATION -> streams.figures();
            case FLOWS -> streams.flows();
            case REPRESENTATION_SNAPSHOTS -> streams.snapshots();
            case COMPETITIONS -> streams.competitions();
            default -> throw new IllegalArgumentException("no view of " + topic);
        };
    }

    private static long count(ReadOnlyKeyValueStore<String, ?> view) {
        long count = 0;
        try (var all = view.all()) {
            for (; all.hasNext(); all.next()) {
                count++;
            }
        }
        return count;
    }

    private static void awaitRunning(RepresentationStreams streams) throws InterruptedException {
        while (!streams.isRunning()) {
            Thread.sleep(100);
        }
    }

    private static long endOffset(LocalPlatform platform, String topic) throws Exception {
        try (Admin admin = admin(platform)) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    private static Admin admin(LocalPlatform platform) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()));
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
