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
import java.util.TreeMap;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
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

    /** The stores keyed by employee, whose size grows with the workforce (the others grow with cells and periods). */
    private static final Set<String> PER_EMPLOYEE_STORES = Set.of("employee-histories", "employee-contributions",
            "employee-due-dates", "employee-unexplained-events", "employee-flows", "employee-flows-pending",
            "employee-flows-due-dates", "employee-state-pending");

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
            try (RepresentationStreams streams = RepresentationStreams.start(settings, Clock.systemUTC());
                 Timeline timeline = Timeline.start(platform, settings, streams, Duration.ofSeconds(5))) {
                awaitEvaluated(platform, settings.applicationId(), streams::pendingLiveEmployees);
                awaitEvaluated(platform, settings.flowsApplicationId(), streams::pendingFlowEmployees);
                // longer than an aggregation waits for a backlog to settle, so a pause is the end, not a wait
                long lastWrite = awaitQuiet(platform, METRICS, Duration.ofSeconds(20));
                double seconds = (lastWrite - started) / 1e9;
                double rate = produced / seconds;
                System.out.printf("representation topology: %,.0f events/s (%.1f s until every metrics topic was up "
                        + "to date)%n", rate, seconds);
                System.out.printf("ratio to the pass-through: %.2f%n", rate / ceiling);
                System.out.printf("%-34s %12s %12s %8s%n", "records written while loading", "records", "keys",
                        "ratio");
                for (MetricsTopic topic : METRICS) {
                    long records = committedRecords(platform, topic.topicName());
                    long keys = count(view(streams, topic));
                    System.out.printf("%-34s %,12d %,12d %8.2f%n", topic.topicName(), records, keys,
                            keys == 0 ? 0.0 : (double) records / keys);
                }
                System.out.printf("peak heap %,d MiB (benchmark JVM: platform clients, producer and topology)%n",
                        peakHeap() >> 20);
                System.out.print(timeline.report());
            }
            // measured once closed: only then is every store's memtable flushed to its files
            long bytes = size(state);
            Map<String, Long> byStore = sizeByStore(state);
            long perEmployeeStores = byStore.entrySet().stream().filter(store -> PER_EMPLOYEE_STORES.contains(
                    store.getKey().substring(store.getKey().indexOf('/') + 1))).mapToLong(Map.Entry::getValue).sum();
            System.out.printf("state directory %.1f MiB, %,d bytes per employee; the stores kept per employee "
                    + "(histories, flows, contributions, marks): %,d bytes per employee%n", bytes / 1048576.0,
                    bytes / employees, perEmployeeStores / employees);
            byStore.forEach((store, storeBytes) -> System.out.printf("  %-56s %,10d bytes%n", store, storeBytes));
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

    /**
     * Waits until an application has read everything (inputs and its repartition topics) and evaluated every
     * employee it read: only then are its aggregations' inputs complete. Before, a pause in the metrics topics may
     * only mean the aggregations wait for a backlog to settle.
     */
    private static void awaitEvaluated(LocalPlatform platform, String group, java.util.function.LongSupplier pending)
            throws Exception {
        do {
            awaitConsumed(platform, group);
            Thread.sleep(500);
        } while (pending(pending) != 0);
        awaitConsumed(platform, group);
    }

    /**
     * Waits until none of the topics has grown for the quiet period; returns when (System.nanoTime) they last grew,
     * to the second.
     */
    private static long awaitQuiet(LocalPlatform platform, List<MetricsTopic> topics, Duration quiet)
            throws Exception {
        long last = -1;
        long lastGrowth = System.nanoTime();
        while (true) {
            long end = 0;
            for (MetricsTopic topic : topics) {
                end += endOffset(platform, topic.topicName());
            }
            long now = System.nanoTime();
            if (end != last) {
                last = end;
                lastGrowth = now;
            } else if (end > 0 && now - lastGrowth >= quiet.toNanos()) {
                return lastGrowth;
            }
            Thread.sleep(1000);
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

    /** The records a read_committed reader of the topic gets (its end offsets also count transaction markers). */
    private static long committedRecords(LocalPlatform platform, String topic) throws Exception {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long records = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                records += consumer.poll(Duration.ofMillis(500)).count();
            }
            return records;
        }
    }

    /**
     * How much each metrics topic grew in each interval of the load (end offsets, so transaction markers included):
     * shows when restatements happen.
     */
    private static final class Timeline implements AutoCloseable {

        private final StringBuilder report = new StringBuilder("metrics topics' growth per interval (representation "
                + "/ flows / snapshots / competitions), HR events read by the live and the flows application, "
                + "employees pending evaluation by the live and the flows application:\n");
        private final Thread sampler;

        private Timeline(LocalPlatform platform, RepresentationStreams.Settings settings,
                         RepresentationStreams streams, Duration interval) {
            sampler = new Thread(() -> {
                long[] last = new long[METRICS.size()];
                long started = System.nanoTime();
                try {
                    while (true) {
                        Thread.sleep(interval.toMillis());
                        StringBuilder line = new StringBuilder(String.format("  %4.0f s", (System.nanoTime() - started)
                                / 1e9));
                        for (int i = 0; i < last.length; i++) {
                            long end = endOffset(platform, METRICS.get(i).topicName());
                            line.append(String.format(" %,9d", end - last[i]));
                            last[i] = end;
                        }
                        line.append(String.format(" | %,9d %,9d | %,7d %,7d", inputsRead(platform,
                                settings.applicationId()), inputsRead(platform, settings.flowsApplicationId()),
                                pending(streams::pendingLiveEmployees), pending(streams::pendingFlowEmployees)));
                        synchronized (report) {
                            report.append(line).append('\n');
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Exception e) {
                    synchronized (report) {
                        report.append("  (sampling stopped: ").append(e).append(")\n");
                    }
                }
            }, "benchmark-timeline");
            sampler.setDaemon(true);
        }

        static Timeline start(LocalPlatform platform, RepresentationStreams.Settings settings,
                              RepresentationStreams streams, Duration interval) {
            Timeline timeline = new Timeline(platform, settings, streams, interval);
            timeline.sampler.start();
            return timeline;
        }

        String report() {
            synchronized (report) {
                return report.toString();
            }
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }

    /** The group's committed offsets on the HR input topics, summed. */
    private static long inputsRead(LocalPlatform platform, String group) throws Exception {
        try (Admin admin = admin(platform)) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(entry -> INPUTS.contains(entry.getKey().topic()) && entry.getValue() != null)
                    .mapToLong(entry -> entry.getValue().offset()).sum();
        }
    }

    /** -1 while the application's stores cannot be queried (starting, rebalancing). */
    private static long pending(java.util.function.LongSupplier employees) {
        try {
            return employees.getAsLong();
        } catch (InvalidStateStoreException e) {
            return -1;
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

    /** Bytes by store directory ({@code <application>/<task>/rocksdb/<store>}), largest first. */
    private static Map<String, Long> sizeByStore(Path directory) {
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path relative = directory.relativize(file);
                String store = relative.getNameCount() > 4 && relative.getName(2).toString().equals("rocksdb")
                        ? relative.getName(0) + "/" + relative.getName(3) : relative.getName(0) + "/(other)";
                sizes.merge(store, size(file), Long::sum);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
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
