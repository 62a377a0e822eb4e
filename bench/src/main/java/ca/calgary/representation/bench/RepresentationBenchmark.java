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

/**
 * Replays about 1,000,000 HR events for 100,000 employees from Kafka through the representation topology
 * (exactly-once) and reports HR events per second until every input and repartition topic is consumed and the
 * metrics topic has stopped changing, beside a trivial exactly-once Kafka Streams pass-through over the same input
 * on the same broker in the same run (the machine's ceiling); plus peak heap and state size.
 *
 * <p>Arguments: {@code [employees (default 100000)] [events per employee (default 10)]}.
 */
public final class RepresentationBenchmark {

    private static final List<String> INPUTS = Stream.of(EventTopic.values()).map(EventTopic::topicName).toList();

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
            RepresentationStreams.Settings settings = new RepresentationStreams.Settings(platform.bootstrapServers(),
                    registry, "representation-benchmark", (short) 1, 6, RepresentationConfig.defaults(), FlowConfig.defaults(),
                    Duration.ofSeconds(1), Duration.ofMinutes(1), Map.of(StreamsConfig.STATE_DIR_CONFIG, state.toString(),
                    StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2));
            try (RepresentationStreams streams = RepresentationStreams.start(settings, Clock.systemUTC())) {
                awaitConsumed(platform, "representation-benchmark");
                awaitQuiet(platform, MetricsTopic.REPRESENTATION.topicName(), Duration.ofSeconds(3));
                double seconds = (System.nanoTime() - started) / 1e9 - 3;
                double rate = produced / seconds;
                long cells;
                try (var all = streams.figures().all()) {
                    cells = java.util.stream.StreamSupport.stream(
                            java.util.Spliterators.spliteratorUnknownSize(all, 0), false).count();
                }
                System.out.printf("representation topology: %,.0f events/s (%.1f s; %,d cells published; "
                                + "%,d records on metrics.representation)%n", rate, seconds, cells,
                        endOffset(platform, MetricsTopic.REPRESENTATION.topicName()));
                System.out.printf("ratio to the pass-through: %.2f%n", rate / ceiling);
                System.out.printf("peak heap %,d MiB (benchmark JVM: platform clients, producer and topology); "
                        + "state directory %.1f MiB%n", peakHeap() >> 20, size(state) / 1048576.0);
            }
        }
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
                    ProducerRecord<String, Object> record = switch (random.nextInt(10)) {
                        case 0, 1, 2, 3 -> new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), key,
                                new EmploymentEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.employeeTransferred(position(random, units)), null));
                        case 4, 5, 6 -> new ProducerRecord<>(EventTopic.PROMOTION.topicName(), key,
                                new PromotionEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.employeePromoted(position(random, units), null), null));
                        case 7, 8 -> new ProducerRecord<>(EventTopic.MENTORSHIP.topicName(), key,
                                new MentorshipEvent(id, key, day, Instant.EPOCH, "bench",
                                        Payloads.mentorshipEnrolled("P" + random.nextInt(5), MentorshipRole.MENTEE), null));
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

    private static void awaitQuiet(LocalPlatform platform, String topic, Duration quiet) throws Exception {
        long last = -1;
        while (true) {
            long end = endOffset(platform, topic);
            if (end == last && end > 0) {
                return;
            }
            last = end;
            Thread.sleep(quiet.toMillis());
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
