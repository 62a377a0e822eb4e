package ca.calgary.representation.metrics.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.InMemoryRegistry;
import ca.calgary.representation.serde.SchemaRegistryClient;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real representation topologies, the live one and the flow one, each in its own {@link TopologyTestDriver} as
 * each runs as its own application, with an in-process registry: pipe events in (both receive every input), advance
 * the wall clock past the publish interval, read the latest figures of every cell.
 */
final class RepresentationTopologyDriver implements AutoCloseable {

    static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(1);

    private final InMemoryRegistry registry;
    private final RepresentationTopics topics;
    private final TopologyTestDriver live;
    /** Each application's consumer group as the service's freshness measures it. */
    final ca.calgary.representation.streams.ConsumerGroup liveGroup;
    final ca.calgary.representation.streams.ConsumerGroup flowGroup;
    private final TopologyTestDriver flowDriver;
    private final AtomicReference<LocalDate> today;
    private final List<TestInputTopic<String, EmploymentEvent>> employment;
    private final List<TestInputTopic<String, SelfIdentificationEvent>> selfIdentification;
    private final List<TestInputTopic<String, PromotionEvent>> promotion;
    private final List<TestInputTopic<String, MentorshipEvent>> mentorship;
    private final List<TestInputTopic<String, BenchmarkShare>> benchmarks;
    private final TestOutputTopic<String, RepresentationFigures> figures;
    private final TestOutputTopic<String, ca.calgary.representation.metrics.DataQuality> dataQuality;
    private final TestOutputTopic<String, FlowFigures> flows;
    private final TestOutputTopic<String, RepresentationSnapshot> snapshots;
    private final TestOutputTopic<String, CompetitionFigures> competitions;
    private final TestOutputTopic<String, DeadLetter> deadLetters;
    private final TestOutputTopic<String, ca.calgary.representation.metrics.WorkingGroup> workingGroups;
    private final Map<String, ca.calgary.representation.metrics.WorkingGroup> latestWorkingGroups =
            new LinkedHashMap<>();
    private final Map<String, RepresentationFigures> latest = new LinkedHashMap<>();
    private final Map<String, FlowFigures> latestFlows = new LinkedHashMap<>();
    private final Map<String, RepresentationSnapshot> latestSnapshots = new LinkedHashMap<>();
    private final Map<String, CompetitionFigures> latestCompetitions = new LinkedHashMap<>();
    private int published;
    private int workingGroupRecords;
    private long liveWallClockMs;
    /** What each application's backlog watch would hear and say: never read all, unless a test says so. */
    private final WatchedBacklog liveBacklog = new WatchedBacklog();
    private final WatchedBacklog flowsBacklog = new WatchedBacklog();

    /** A backlog watch's part the processors see: the tasks holding work, and a time the test sets. */
    static final class WatchedBacklog implements Backlog {
        private final java.util.concurrent.atomic.AtomicLong readAllSinceMs =
                new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
        private final java.util.Set<org.apache.kafka.streams.processor.TaskId> holding =
                java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public long readAllSinceMs() {
            return readAllSinceMs.get();
        }

        @Override
        public void holding(org.apache.kafka.streams.processor.TaskId task, boolean holds) {
            if (holds) {
                holding.add(task);
            } else {
                holding.remove(task);
            }
        }

        boolean holdsWork() {
            return !holding.isEmpty();
        }
    }

    RepresentationTopologyDriver(RepresentationConfig config, LocalDate asOf) {
        this(config, new FlowConfig(FlowConfig.defaults().firstQuarter(), FlowConfig.defaults().reference(),
                PUBLISH_INTERVAL, FlowConfig.DEFAULT_PARTITIONS, FlowConfig.DEFAULT_EMPLOYEES_PER_PASS), asOf);
    }

    RepresentationTopologyDriver(RepresentationConfig config, FlowConfig flowConfig, LocalDate asOf) {
        try {
            registry = new InMemoryRegistry(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> serdeConfig = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        topics = new RepresentationTopics(new SchemaRegistryClient(new AvroSerdeConfig(serdeConfig)), serdeConfig);
        today = new AtomicReference<>(asOf);
        // a driver's wall clock starts at the time it is created
        liveWallClockMs = System.currentTimeMillis();
        StreamsBuilder liveBuilder = new StreamsBuilder();
        new RepresentationTopology(topics, config, today::get, PUBLISH_INTERVAL, Duration.ofMinutes(1),
                liveBacklog, flowConfig.partitions()).build(liveBuilder);
        org.apache.kafka.streams.Topology liveTopology = liveBuilder.build();
        liveGroup = ca.calgary.representation.streams.ConsumerGroup.of("representation-test", liveTopology);
        live = new TopologyTestDriver(liveTopology, properties("representation-test"));
        StreamsBuilder flowBuilder = new StreamsBuilder();
        new FlowMetricsTopology(topics, config, flowConfig, today::get, flowsBacklog).build(flowBuilder);
        org.apache.kafka.streams.Topology flowTopology = flowBuilder.build();
        flowGroup = ca.calgary.representation.streams.ConsumerGroup.of("representation-test-flows", flowTopology);
        flowDriver = new TopologyTestDriver(flowTopology, properties("representation-test-flows"));
        employment = inputs(topics.employmentTopic(), topics.employment().serializer());
        selfIdentification = inputs(topics.selfIdentificationTopic(), topics.selfIdentification().serializer());
        promotion = inputs(topics.promotionTopic(), topics.promotion().serializer());
        mentorship = inputs(topics.mentorshipTopic(), topics.mentorship().serializer());
        benchmarks = inputs(topics.benchmarksTopic(), topics.benchmarks().serializer());
        figures = live.createOutputTopic(topics.figuresTopic(), new StringDeserializer(),
                topics.figures().deserializer());
        dataQuality = live.createOutputTopic(topics.dataQualityTopic(), new StringDeserializer(),
                topics.dataQuality().deserializer());
        deadLetters = live.createOutputTopic(topics.deadLettersTopic(), new StringDeserializer(),
                topics.deadLetters().deserializer());
        workingGroups = live.createOutputTopic(topics.workingGroupsTopic(), new StringDeserializer(),
                topics.workingGroups().deserializer());
        flows = flowDriver.createOutputTopic(topics.flowsTopic(), new StringDeserializer(),
                topics.flows().deserializer());
        snapshots = flowDriver.createOutputTopic(topics.snapshotsTopic(), new StringDeserializer(),
                topics.snapshots().deserializer());
        competitions = flowDriver.createOutputTopic(topics.competitionsTopic(), new StringDeserializer(),
                topics.competitions().deserializer());
    }

    private static Properties properties(String applicationId) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        return properties;
    }

    /** The topic's input in both applications, as each reads it. */
    private <V> List<TestInputTopic<String, V>> inputs(String topic, Serializer<V> serializer) {
        StringSerializer keys = new StringSerializer();
        return List.of(live.createInputTopic(topic, keys, serializer),
                flowDriver.createInputTopic(topic, keys, serializer));
    }

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("representation-topology-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live application's driver (histories, contributions, live figures). */
    TopologyTestDriver driver() {
        return live;
    }

    /** The flow application's driver (its histories, flows, passes). */
    TopologyTestDriver flowDriver() {
        return flowDriver;
    }

    void benchmark(Benchmark benchmark) {
        pipe(benchmarks, benchmark.key(), new BenchmarkShare(benchmark.scope().id(), benchmark.group().name(),
                benchmark.share().doubleValue(), benchmark.source(), benchmark.year()));
    }

    void removeBenchmark(String key) {
        pipe(benchmarks, key, null);
    }

    void pipe(OutgoingEvent event) {
        pipe(event, null);
    }

    /** The event as published at that time (its record timestamp); null for the input topic's default. */
    void pipe(OutgoingEvent event, Instant publishedAt) {
        Object value = event.value();
        if (value instanceof EmploymentEvent e) {
            pipe(employment, event.key(), e, publishedAt);
        } else if (value instanceof SelfIdentificationEvent e) {
            pipe(selfIdentification, event.key(), e, publishedAt);
        } else if (value instanceof PromotionEvent e) {
            pipe(promotion, event.key(), e, publishedAt);
        } else if (value instanceof MentorshipEvent e) {
            pipe(mentorship, event.key(), e, publishedAt);
        }
    }

    private static <V> void pipe(List<TestInputTopic<String, V>> inputs, String key, V value) {
        pipe(inputs, key, value, null);
    }

    private static <V> void pipe(List<TestInputTopic<String, V>> inputs, String key, V value, Instant publishedAt) {
        inputs.forEach(input -> {
            if (publishedAt == null) {
                input.pipeInput(key, value);
            } else {
                input.pipeInput(key, value, publishedAt);
            }
        });
    }

    /** The live application's wall clock: an event published at this time is live. */
    Instant liveNow() {
        return Instant.ofEpochMilli(liveWallClockMs);
    }

    /**
     * As a backlog watch would once the live application had read all its input, a second from now (the driver's
     * clock starts a moment after {@link #liveNow}, and a change must come before the check that finds it read).
     */
    void liveInputReadInASecond() {
        liveBacklog.readAllSinceMs.set(liveWallClockMs + 1_000);
    }

    /** As a backlog watch would once the flow application had read everything piped so far. */
    void flowsInputRead() {
        flowsBacklog.readAllSinceMs.set(Long.MAX_VALUE);
    }

    /** Whether any task of the live application says it holds work its offsets do not show. */
    boolean liveHoldsWork() {
        return liveBacklog.holdsWork();
    }

    /** Whether any task of the flow application says it holds work its offsets do not show. */
    boolean flowsHoldWork() {
        return flowsBacklog.holdsWork();
    }

    /** Advances the live application's wall clock once; returns the latest figures published so far. */
    Map<String, RepresentationFigures> advanceLive(Duration step) {
        live.advanceWallClockTime(step);
        liveWallClockMs += step.toMillis();
        drainFigures();
        return latest;
    }

    /** A record exactly as given: any key, any bytes (what a faulty direct publisher might write). */
    void pipeRaw(String topic, String key, byte[] value) {
        for (TopologyTestDriver application : List.of(live, flowDriver)) {
            application.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer())
                    .pipeInput(key, value);
        }
    }

    /** An envelope serialised by the topic's serde, under any key. */
    <V> void pipe(String topic, String key, V envelope, Serializer<V> serializer) {
        pipeRaw(topic, key, serializer.serialize(topic, envelope));
    }

    RepresentationTopics topics() {
        return topics;
    }

    /** The dead letters written since the last call, keyed by their source (topic|partition|offset). */
    Map<String, DeadLetter> deadLetters() {
        Map<String, DeadLetter> letters = new LinkedHashMap<>();
        deadLetters.readKeyValuesToList().forEach(record -> letters.put(record.key, record.value));
        return letters;
    }

    void setToday(LocalDate date) {
        today.set(date);
    }

    /** Lets the punctuators run, then collects what was published. */
    Map<String, RepresentationFigures> publish() {
        // Twice: the day check may run after the publication in the first step, and a backlog's changes (events
        // piped with old timestamps) are published once they have settled.
        live.advanceWallClockTime(Duration.ofMinutes(1));
        live.advanceWallClockTime(Settling.BACKLOG_QUIET);
        flowDriver.advanceWallClockTime(Duration.ofMinutes(1));
        // everything piped has been read (the driver processes it as it is piped): once no employee waits for a pass,
        // the flow application's watch would find its input read, and its tables complete when published
        long readAllSince = flowsBacklog.readAllSinceMs.get();
        if (!flowsBacklog.holdsWork()) {
            flowsBacklog.readAllSinceMs.set(Long.MAX_VALUE);
        }
        flowDriver.advanceWallClockTime(Settling.BACKLOG_QUIET);
        flowsBacklog.readAllSinceMs.set(readAllSince);
        liveWallClockMs += Duration.ofMinutes(1).plus(Settling.BACKLOG_QUIET).toMillis();
        drainFigures();
        // a large publication continues in slices until everything is sent
        int sent = drainFlows();
        while (sent > 0) {
            flowDriver.advanceWallClockTime(RevisedPublication.SLICE_INTERVAL);
            sent = drainFlows();
        }
        return latest;
    }

    private void drainFigures() {
        figures.readKeyValuesToList().forEach(record -> {
            published++;
            if (record.value == null) {
                latest.remove(record.key);
            } else {
                latest.put(record.key, record.value);
            }
        });
    }

    private int drainFlows() {
        return drain(flows, latestFlows) + drain(snapshots, latestSnapshots)
                + drain(competitions, latestCompetitions);
    }

    /** Advances the wall clock of the flow application once; returns how many funnel records that published. */
    int advanceFlows(Duration step) {
        flowDriver.advanceWallClockTime(step);
        drain(flows, latestFlows);
        drain(snapshots, latestSnapshots);
        return drain(competitions, latestCompetitions);
    }

    private static <V> int drain(TestOutputTopic<String, V> topic, Map<String, V> latest) {
        var records = topic.readKeyValuesToList();
        records.forEach(record -> {
            if (record.value == null) {
                latest.remove(record.key);
            } else {
                latest.put(record.key, record.value);
            }
        });
        return records.size();
    }

    /** The latest flow figures by key ({@code period|scope|tier|group}), as of the last {@link #publish()}. */
    Map<String, FlowFigures> flows() {
        return latestFlows;
    }

    /** The latest quarter-end snapshots by key ({@code quarter|scope|tier|group}). */
    Map<String, RepresentationSnapshot> snapshots() {
        return latestSnapshots;
    }

    /**
     * Every working group's name as last published, and how many name records were published in all (drains the
     * topic).
     */
    Map<String, ca.calgary.representation.metrics.WorkingGroup> workingGroups() {
        workingGroupRecords += drain(workingGroups, latestWorkingGroups);
        return latestWorkingGroups;
    }

    int workingGroupRecords() {
        workingGroups();
        return workingGroupRecords;
    }

    /** The latest competition figures by key. */
    Map<String, CompetitionFigures> competitions() {
        return latestCompetitions;
    }

    /** The latest data-quality record published, if any since the last call. */
    java.util.Optional<ca.calgary.representation.metrics.DataQuality> latestDataQuality() {
        var records = dataQuality.readValuesToList();
        return records.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(records.get(records.size() - 1));
    }

    /** How many records the output topic received so far (tombstones included). */
    int publishedRecords() {
        return published;
    }

    /** The latest published figures as the core's type, for comparison with the golden rows. */
    List<CellFigures> latestFigures() {
        List<CellFigures> list = new ArrayList<>();
        latest.values().forEach(f -> list.add(new CellFigures(new Scope(f.getScope()), Tier.valueOf(f.getTier()),
                Group.valueOf(f.getGroup()), f.getAsOf(), f.getHeadcount(), f.getCount(), f.getSuppressed(),
                decimal(f.getRepresentation(), 4), decimal(f.getRepresentationOfRespondents(), 4),
                decimal(f.getResponseRate(), 4), decimal(f.getBenchmark(), 4), f.getBenchmarkSource(),
                f.getBenchmarkYear(), decimal(f.getGapPoints(), 2), decimal(f.getRepresentationIndex(), 4),
                decimal(f.getExpected(), 2), f.getShortfall(), f.getPUnder(), decimal(f.getCi95Low(), 4),
                decimal(f.getCi95High(), 4), f.getActiveMentees())));
        return list;
    }

    private static BigDecimal decimal(Double value, int scale) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public void close() {
        live.close();
        flowDriver.close();
        registry.close();
    }
}
