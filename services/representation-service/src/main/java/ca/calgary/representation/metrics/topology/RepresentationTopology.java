package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeEvents;
import ca.calgary.representation.metrics.core.FlowCalculator;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Live representation per scope, tier and group (SPEC §4-§6, §9), and the flow metrics of every period (SPEC §7),
 * from one history per employee.
 *
 * <pre>
 * hr.employment-events ──┐ decoders                                 ┌ employee-state ─→ [contribution-changes] ─┐
 * hr.self-identification ┤ to-employee-event → [employee-events] →  │ (histories,         (one partition)       ├→ representation-aggregator → metrics.representation
 * hr.promotion-events ───┤                      (by employeeKey)    │  contributions)                           │                             metrics.data-quality
 * hr.mentorship-events ──┘                                          └ employee-flows ─┬→ [period-flow-changes] ─→ flow-period-aggregator → metrics.flows
 *                                                                     (passes, reads  │   (by period, N)
 *                                                                      histories)     ├→ [quarter-end-changes] ─→ quarter-snapshot-aggregator → metrics.representation-snapshots
 *                                                                                     │   (by quarter, N)      ↑ [snapshot-benchmark-updates] (to every partition)
 *                                                                                     └→ [competition-changes] ─→ competition-aggregator → metrics.competitions
 * hr.promotion-events (competition openings) ──────────────────────────────────────→ [competition-openings] ─↗  (one partition)
 * reference.benchmarks ───────────────────────────────────────────────────────────→ [benchmark-updates] → representation-aggregator
 * decoders: records that cannot apply → metrics.dead-letters, and → [dead-letter-counts] → representation-aggregator
 * </pre>
 *
 * Live figures never wait for flow work: {@code employee-state} forwards contribution changes as each event arrives,
 * while {@code employee-flows} only marks the employee and evaluates flows in later passes. Nothing per employee
 * reaches an aggregation: the flow aggregations receive coalesced count changes, and the period and quarter ones are
 * partitioned. Every processor, store and repartition topic is named; the stores that hold an employee's
 * self-identification (histories, contributions, flows, and the live aggregator's copy of contributions) have
 * changelogs compacted within a day, so a withdrawal's erasure reaches the changelog too.
 */
public final class RepresentationTopology {

    public static final String HISTORIES_STORE = "employee-histories";
    public static final String CONTRIBUTIONS_STORE = "employee-contributions";
    public static final String DUE_DATES_STORE = "employee-due-dates";
    public static final String AGGREGATED_CONTRIBUTIONS_STORE = "aggregated-contributions";
    public static final String BENCHMARKS_STORE = "benchmarks";
    public static final String PUBLISHED_STORE = "published-figures";
    public static final String UNEXPLAINED_STORE = "employee-unexplained-events";
    public static final String DATA_QUALITY_STORE = "data-quality";

    /** Changelog settings that make overwritten (erased) values disappear within a day. */
    static final Map<String, String> ERASING_CHANGELOG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()),
            TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(6).toMillis()),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01");

    private final RepresentationTopics topics;
    private final RepresentationConfig config;
    private final FlowConfig flowConfig;
    private final Supplier<LocalDate> today;
    private final Duration publishInterval;
    private final Duration dayCheckInterval;

    /**
     * @param today            the date "today" stands for (the configured zone's date; a fixed date in tests)
     * @param publishInterval  how often changed figures are published (coalescing window)
     * @param dayCheckInterval how often to look for future-dated events that have come due
     */
    public RepresentationTopology(RepresentationTopics topics, RepresentationConfig config, FlowConfig flowConfig,
                                  Supplier<LocalDate> today, Duration publishInterval, Duration dayCheckInterval) {
        this.topics = topics;
        this.config = config;
        this.flowConfig = flowConfig;
        this.today = today;
        this.publishInterval = publishInterval;
        this.dayCheckInterval = dayCheckInterval;
    }

    public void build(StreamsBuilder builder) {
        var internalEvent = InternalSerdes.employeeEvent();
        KStream<String, DecodedInput<EmploymentEvent>> employmentInput = decode(builder, topics.employmentTopic(),
                topics.employment(), "employment");
        KStream<String, DecodedInput<SelfIdentificationEvent>> selfIdentificationInput = decode(builder,
                topics.selfIdentificationTopic(), topics.selfIdentification(), "self-identification");
        KStream<String, DecodedInput<PromotionEvent>> promotionInput = decode(builder, topics.promotionTopic(),
                topics.promotion(), "promotion");
        KStream<String, DecodedInput<MentorshipEvent>> mentorshipInput = decode(builder, topics.mentorshipTopic(),
                topics.mentorship(), "mentorship");

        KStream<String, EmployeeEvent> employment = events(employmentInput, "employment")
                .mapValues(EmployeeEvents::from, Named.as("employment-to-employee-event"));
        KStream<String, EmployeeEvent> selfIdentification = events(selfIdentificationInput, "self-identification")
                .mapValues(EmployeeEvents::from, Named.as("self-identification-to-employee-event"));
        KStream<String, PromotionEvent> promotionEvents = events(promotionInput, "promotion");
        KStream<String, EmployeeEvent> promotion = promotionEvents
                .flatMapValues(event -> EmployeeEvents.from(event).stream().toList(),
                        Named.as("promotion-to-employee-event"));
        KStream<String, EmployeeEvent> mentorship = events(mentorshipInput, "mentorship")
                .mapValues(EmployeeEvents::from, Named.as("mentorship-to-employee-event"));

        KStream<String, DeadLetter> deadLetters = deadLetters(employmentInput, "employment")
                .merge(deadLetters(selfIdentificationInput, "self-identification"),
                        Named.as("merge-self-identification-dead-letters"))
                .merge(deadLetters(promotionInput, "promotion"), Named.as("merge-promotion-dead-letters"))
                .merge(deadLetters(mentorshipInput, "mentorship"), Named.as("merge-mentorship-dead-letters"));
        deadLetters
                .selectKey((key, letter) -> letter.getSourceTopic() + "|" + letter.getSourcePartition() + "|"
                        + letter.getSourceOffset(), Named.as("dead-letter-by-source"))
                .to(topics.deadLettersTopic(), Produced.with(RepresentationTopics.KEY, topics.deadLetters())
                        .withName("dead-letters-sink"));
        // Counted by reason beside the other data-quality counts, in the task that publishes them.
        KStream<String, Object> deadLetterCounts = deadLetters
                .selectKey((key, letter) -> letter.getReason().name(), Named.as("dead-letter-by-reason"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, topics.deadLetters())
                        .withName("dead-letter-counts").withNumberOfPartitions(1))
                .mapValues(letter -> (Object) letter, Named.as("dead-letter-as-input"));

        builder.addStateStore(loggedStore(HISTORIES_STORE, InternalSerdes.employeeHistory(), ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(CONTRIBUTIONS_STORE, InternalSerdes.contribution(), ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(DUE_DATES_STORE, Serdes.String(), Map.of()));
        builder.addStateStore(loggedStore(AGGREGATED_CONTRIBUTIONS_STORE, InternalSerdes.contribution(),
                ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(BENCHMARKS_STORE, topics.benchmarks(), Map.of()));
        builder.addStateStore(loggedStore(PUBLISHED_STORE, Serdes.String(), Map.of()));
        builder.addStateStore(loggedStore(UNEXPLAINED_STORE, Serdes.Integer(), Map.of()));
        builder.addStateStore(loggedStore(DATA_QUALITY_STORE, Serdes.Long(), Map.of()));

        KStream<String, EmployeeEvent> employeeEvents = employment
                .merge(selfIdentification, Named.as("merge-self-identification"))
                .merge(promotion, Named.as("merge-promotion"))
                .merge(mentorship, Named.as("merge-mentorship"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, internalEvent).withName("employee-events"));
        KStream<String, Object> changes = employeeEvents
                .process(() -> new EmployeeStateProcessor(today, dayCheckInterval), Named.as("employee-state"),
                        HISTORIES_STORE, CONTRIBUTIONS_STORE, DUE_DATES_STORE, UNEXPLAINED_STORE)
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.contributionChange())
                        .withName("contribution-changes").withNumberOfPartitions(1))
                .mapValues(change -> (Object) change, Named.as("contribution-change-as-input"));

        KStream<String, BenchmarkShare> benchmarkShares = builder.stream(topics.benchmarksTopic(),
                Consumed.with(RepresentationTopics.KEY, topics.benchmarks()).withName("benchmarks-source"));
        KStream<String, Object> benchmarkUpdates = benchmarkShares
                .repartition(Repartitioned.with(RepresentationTopics.KEY, topics.benchmarks())
                        .withName("benchmark-updates").withNumberOfPartitions(1))
                .mapValues(share -> (Object) share, Named.as("benchmark-as-input"));

        RepresentationCalculator calculator = new RepresentationCalculator(config.minCellSize());
        KStream<String, Object> published = changes.merge(benchmarkUpdates, Named.as("merge-benchmarks"))
                .merge(deadLetterCounts, Named.as("merge-dead-letter-counts"))
                .process(() -> new RepresentationAggregator(today, config.publicSafetyServiceLines(), calculator,
                                publishInterval), Named.as("representation-aggregator"),
                        AGGREGATED_CONTRIBUTIONS_STORE, BENCHMARKS_STORE, PUBLISHED_STORE, DATA_QUALITY_STORE);
        published.filter((key, value) -> !RepresentationAggregator.DATA_QUALITY_KEY.equals(key),
                        Named.as("figures-only"))
                .mapValues(value -> (RepresentationFigures) value, Named.as("as-figures"))
                .to(topics.figuresTopic(), Produced.with(RepresentationTopics.KEY, topics.figures())
                        .withName("representation-figures-sink"));
        published.filter((key, value) -> RepresentationAggregator.DATA_QUALITY_KEY.equals(key),
                        Named.as("data-quality-only"))
                .mapValues(value -> (DataQuality) value, Named.as("as-data-quality"))
                .to(topics.dataQualityTopic(), Produced.with(RepresentationTopics.KEY, topics.dataQuality())
                        .withName("data-quality-sink"));

        buildFlows(employeeEvents, promotionEvents, benchmarkShares);
    }

    /**
     * Flow metrics (SPEC §7). Beside each employee's history (same task, same partition), their flows are evaluated
     * in passes that send coalesced count changes: per period to the flow aggregation and per quarter to the
     * snapshot aggregation, both spread over {@link FlowConfig#partitions()} partitions (each snapshot partition
     * receives every benchmark change), and per competition to the funnel aggregation (one task: roll-ups need every
     * competition), which also receives the openings.
     */
    private void buildFlows(KStream<String, EmployeeEvent> employeeEvents,
                            KStream<String, PromotionEvent> promotionEvents,
                            KStream<String, BenchmarkShare> benchmarkShares) {
        Map<String, KStream<String, FlowCountChange>> changes = employeeEvents
                .process(EmployeeFlowsProcessor.supplier(today, flowConfig, config.publicSafetyServiceLines()),
                        Named.as("employee-flows"), HISTORIES_STORE)
                .split(Named.as("flow-count-change-"))
                .branch((key, change) -> change instanceof FlowCountChange.PeriodChange, Branched.as("period"))
                .branch((key, change) -> change instanceof FlowCountChange.QuarterEndChange, Branched.as("quarter"))
                .branch((key, change) -> change instanceof FlowCountChange.CompetitionChange,
                        Branched.as("competition"))
                .noDefaultBranch();

        changes.get("flow-count-change-period")
                .mapValues(change -> ((FlowCountChange.PeriodChange) change).cells(), Named.as("period-change-cells"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.cellFlowCounts())
                        .withName("period-flow-changes").withNumberOfPartitions(flowConfig.partitions()))
                .process(FlowPeriodAggregator.supplier(today,
                                new FlowCalculator(config.minCellSize(), flowConfig.reference()),
                                flowConfig.publishInterval()), Named.as("flow-period-aggregator"))
                .to(topics.flowsTopic(), Produced.with(RepresentationTopics.KEY, topics.flows())
                        .withName("flow-figures-sink"));

        KStream<String, QuarterSnapshotAggregator.Input> quarterEnds = changes.get("flow-count-change-quarter")
                .mapValues(change -> ((FlowCountChange.QuarterEndChange) change).cells(),
                        Named.as("quarter-end-change-cells"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.cellGroupCounts())
                        .withName("quarter-end-changes").withNumberOfPartitions(flowConfig.partitions()))
                .mapValues(QuarterSnapshotAggregator.QuarterEnd::new, Named.as("quarter-end-as-input"));
        KStream<String, QuarterSnapshotAggregator.Input> snapshotBenchmarks = benchmarkShares
                .repartition(Repartitioned.with(RepresentationTopics.KEY, topics.benchmarks())
                        .withName("snapshot-benchmark-updates").withNumberOfPartitions(flowConfig.partitions())
                        .withStreamPartitioner(RepresentationTopology::everyPartition))
                .mapValues(QuarterSnapshotAggregator.BenchmarkChange::new, Named.as("snapshot-benchmark-as-input"));
        quarterEnds.merge(snapshotBenchmarks, Named.as("merge-snapshot-benchmarks"))
                .process(QuarterSnapshotAggregator.supplier(today,
                                new RepresentationCalculator(config.minCellSize()), flowConfig.publishInterval(),
                                topics.benchmarks()), Named.as("quarter-snapshot-aggregator"))
                .to(topics.snapshotsTopic(), Produced.with(RepresentationTopics.KEY, topics.snapshots())
                        .withName("representation-snapshots-sink"));

        KStream<String, CompetitionAggregator.Input> candidates = changes.get("flow-count-change-competition")
                .mapValues(change -> ((FlowCountChange.CompetitionChange) change).counts(),
                        Named.as("competition-change-counts"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.competitionCounts())
                        .withName("competition-changes").withNumberOfPartitions(1))
                .mapValues(CompetitionAggregator.Candidates::new, Named.as("competition-change-as-input"));
        KStream<String, CompetitionAggregator.Input> openings = promotionEvents
                .flatMapValues(event -> CompetitionOpening.from(event).stream().toList(),
                        Named.as("promotion-to-competition-opening"))
                .selectKey((key, opening) -> opening.competitionId(), Named.as("opening-by-competition"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.competitionOpening())
                        .withName("competition-openings").withNumberOfPartitions(1))
                .mapValues(CompetitionAggregator.Opening::new, Named.as("competition-opening-as-input"));
        candidates.merge(openings, Named.as("merge-competition-openings"))
                .process(CompetitionAggregator.supplier(today,
                                new CompetitionCalculator(config.minCellSize(), flowConfig.reference(),
                                        config.publicSafetyServiceLines(), flowConfig.firstQuarter()),
                                flowConfig.publishInterval()), Named.as("competition-aggregator"))
                .to(topics.competitionsTopic(), Produced.with(RepresentationTopics.KEY, topics.competitions())
                        .withName("competition-figures-sink"));
    }

    /** Sends a record to every partition: each snapshot partition needs every benchmark. */
    private static Optional<Set<Integer>> everyPartition(String topic, String key, BenchmarkShare share,
                                                         int partitions) {
        return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
    }

    /** An input topic's records, decoded and checked ({@link InputEventDecoder}). */
    private <V extends SpecificRecord> KStream<String, DecodedInput<V>> decode(StreamsBuilder builder, String topic,
                                                                              Serde<V> serde, String name) {
        return builder.stream(topic, Consumed.with(RepresentationTopics.KEY, Serdes.ByteArray())
                        .withName(name + "-events-source"))
                .processValues(() -> new InputEventDecoder<>(serde.deserializer(), config.maxOrgUnits()),
                        Named.as(name + "-decoder"));
    }

    private static <V> KStream<String, V> events(KStream<String, DecodedInput<V>> input, String name) {
        return input.flatMapValues(DecodedInput::events, Named.as(name + "-accepted"));
    }

    private static <V> KStream<String, DeadLetter> deadLetters(KStream<String, DecodedInput<V>> input, String name) {
        return input.flatMapValues(DecodedInput::deadLetters, Named.as(name + "-dead-letters"));
    }

    /** A persistent store with string keys, cached, and logged to a changelog with these settings. */
    static <V> StoreBuilder<KeyValueStore<String, V>> loggedStore(String name, Serde<V> values,
                                                                 Map<String, String> changelog) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), RepresentationTopics.KEY, values)
                .withCachingEnabled()
                .withLoggingEnabled(changelog);
    }


}
