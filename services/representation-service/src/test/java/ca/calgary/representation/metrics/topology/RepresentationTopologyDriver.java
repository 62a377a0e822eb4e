package ca.calgary.representation.metrics.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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
 * The real representation topology in a {@link TopologyTestDriver}, with an in-process registry: pipe events in,
 * advance the wall clock past the publish interval, read the latest figures of every cell.
 */
final class RepresentationTopologyDriver implements AutoCloseable {

    static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(1);

    private final InMemoryRegistry registry;
    private final RepresentationTopics topics;
    private final TopologyTestDriver driver;
    private final AtomicReference<LocalDate> today;
    private final TestInputTopic<String, EmploymentEvent> employment;
    private final TestInputTopic<String, SelfIdentificationEvent> selfIdentification;
    private final TestInputTopic<String, PromotionEvent> promotion;
    private final TestInputTopic<String, MentorshipEvent> mentorship;
    private final TestInputTopic<String, BenchmarkShare> benchmarks;
    private final TestOutputTopic<String, RepresentationFigures> figures;
    private final TestOutputTopic<String, ca.calgary.representation.metrics.DataQuality> dataQuality;
    private final TestOutputTopic<String, FlowFigures> flows;
    private final TestOutputTopic<String, RepresentationSnapshot> snapshots;
    private final TestOutputTopic<String, CompetitionFigures> competitions;
    private final TestOutputTopic<String, DeadLetter> deadLetters;
    private final Map<String, RepresentationFigures> latest = new LinkedHashMap<>();
    private final Map<String, FlowFigures> latestFlows = new LinkedHashMap<>();
    private final Map<String, RepresentationSnapshot> latestSnapshots = new LinkedHashMap<>();
    private final Map<String, CompetitionFigures> latestCompetitions = new LinkedHashMap<>();
    private int published;

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
        StreamsBuilder builder = new StreamsBuilder();
        new RepresentationTopology(topics, config, flowConfig, today::get, PUBLISH_INTERVAL, Duration.ofMinutes(1))
                .build(builder);
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "representation-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, tempDir());
        driver = new TopologyTestDriver(builder.build(), properties);
        StringSerializer keys = new StringSerializer();
        employment = driver.createInputTopic(topics.employmentTopic(), keys, topics.employment().serializer());
        selfIdentification = driver.createInputTopic(topics.selfIdentificationTopic(), keys,
                topics.selfIdentification().serializer());
        promotion = driver.createInputTopic(topics.promotionTopic(), keys, topics.promotion().serializer());
        mentorship = driver.createInputTopic(topics.mentorshipTopic(), keys, topics.mentorship().serializer());
        benchmarks = driver.createInputTopic(topics.benchmarksTopic(), keys, topics.benchmarks().serializer());
        figures = driver.createOutputTopic(topics.figuresTopic(), new StringDeserializer(),
                topics.figures().deserializer());
        dataQuality = driver.createOutputTopic(topics.dataQualityTopic(), new StringDeserializer(),
                topics.dataQuality().deserializer());
        flows = driver.createOutputTopic(topics.flowsTopic(), new StringDeserializer(), topics.flows().deserializer());
        snapshots = driver.createOutputTopic(topics.snapshotsTopic(), new StringDeserializer(),
                topics.snapshots().deserializer());
        competitions = driver.createOutputTopic(topics.competitionsTopic(), new StringDeserializer(),
                topics.competitions().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLettersTopic(), new StringDeserializer(),
                topics.deadLetters().deserializer());
    }

    private static String tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("representation-topology-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TopologyTestDriver driver() {
        return driver;
    }

    void benchmark(Benchmark benchmark) {
        benchmarks.pipeInput(benchmark.key(), new BenchmarkShare(benchmark.scope().id(), benchmark.group().name(),
                benchmark.share().doubleValue(), benchmark.source(), benchmark.year()));
    }

    void removeBenchmark(String key) {
        benchmarks.pipeInput(key, null);
    }

    void pipe(OutgoingEvent event) {
        Object value = event.value();
        if (value instanceof EmploymentEvent e) {
            employment.pipeInput(event.key(), e);
        } else if (value instanceof SelfIdentificationEvent e) {
            selfIdentification.pipeInput(event.key(), e);
        } else if (value instanceof PromotionEvent e) {
            promotion.pipeInput(event.key(), e);
        } else if (value instanceof MentorshipEvent e) {
            mentorship.pipeInput(event.key(), e);
        }
    }

    /** A record exactly as given: any key, any bytes (what a faulty direct publisher might write). */
    void pipeRaw(String topic, String key, byte[] value) {
        driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer()).pipeInput(key, value);
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
        // Twice: the day check may run after the publication in the first step.
        driver.advanceWallClockTime(Duration.ofMinutes(1));
        driver.advanceWallClockTime(PUBLISH_INTERVAL);
        figures.readKeyValuesToList().forEach(record -> {
            published++;
            if (record.value == null) {
                latest.remove(record.key);
            } else {
                latest.put(record.key, record.value);
            }
        });
        drain(flows, latestFlows);
        drain(snapshots, latestSnapshots);
        drain(competitions, latestCompetitions);
        return latest;
    }

    private static <V> void drain(TestOutputTopic<String, V> topic, Map<String, V> latest) {
        topic.readKeyValuesToList().forEach(record -> {
            if (record.value == null) {
                latest.remove(record.key);
            } else {
                latest.put(record.key, record.value);
            }
        });
    }

    /** The latest flow figures by key ({@code period|scope|tier|group}), as of the last {@link #publish()}. */
    Map<String, FlowFigures> flows() {
        return latestFlows;
    }

    /** The latest quarter-end snapshots by key ({@code quarter|scope|tier|group}). */
    Map<String, RepresentationSnapshot> snapshots() {
        return latestSnapshots;
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
        driver.close();
        registry.close();
    }
}
