package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeEvents;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.FlowCalculator;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.topology.InternalSerdes.ContributionChange;
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
 * hr.employment-events ──┐ decoders                                 ┌→ [contribution-changes] ─┐
 * hr.self-identification ┤ to-employee-event → [employee-events] →  │   (one partition)         ├→ representation-aggregator → metrics.representation
 * hr.promotion-events ───┤                      (by employeeKey)    │                           │                             metrics.data-quality
 * hr.mentorship-events ──┘                      employee-state ─────┤                           │
 *                                               histories,          └→ [flow-changes] ──────────┼→ flow-aggregator → metrics.flows
 *                                               contributions, flows    (one partition)         │                    metrics.representation-snapshots
 * hr.promotion-events (competition openings) ───────────────────────→ [competition-openings] ───┤                    metrics.competitions
 * reference.benchmarks ─────────────────────────────────────────────→ [benchmark-updates] ──────┘
 * decoders: records that cannot apply → metrics.dead-letters, and → [dead-letter-counts] → representation-aggregator
 * </pre>
 *
 * Every processor, store and repartition topic is named; the stores that hold self-identification (histories,
 * contributions, flows, and their aggregated copies) have changelogs compacted within a day, so a withdrawal's
 * erasure reaches the changelog too.
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
    public static final String EMPLOYEE_FLOWS_STORE = "employee-flows";
    public static final String EMPLOYEE_FLOWS_QUARTER_STORE = "employee-flows-quarter";
    public static final String AGGREGATED_FLOWS_STORE = "aggregated-flows";
    public static final String COMPETITION_OPENINGS_STORE = "competition-openings";
    public static final String FLOW_BENCHMARKS_STORE = "flow-benchmarks";
    public static final String PUBLISHED_FLOWS_STORE = "published-flow-figures";

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
        builder.addStateStore(loggedStore(EMPLOYEE_FLOWS_STORE, InternalSerdes.employeeFlows(), ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(EMPLOYEE_FLOWS_QUARTER_STORE, Serdes.String(), Map.of()));
        builder.addStateStore(loggedStore(AGGREGATED_FLOWS_STORE, InternalSerdes.employeeFlows(), ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(COMPETITION_OPENINGS_STORE, InternalSerdes.competitionOpening(), Map.of()));
        builder.addStateStore(loggedStore(FLOW_BENCHMARKS_STORE, topics.benchmarks(), Map.of()));
        builder.addStateStore(loggedStore(PUBLISHED_FLOWS_STORE, Serdes.String(), Map.of()));

        Map<String, KStream<String, Object>> employeeChanges = employment
                .merge(selfIdentification, Named.as("merge-self-identification"))
                .merge(promotion, Named.as("merge-promotion"))
                .merge(mentorship, Named.as("merge-mentorship"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, internalEvent).withName("employee-events"))
                .process(() -> new EmployeeStateProcessor(today, dayCheckInterval, flowConfig.firstQuarter()),
                        Named.as("employee-state"), HISTORIES_STORE, CONTRIBUTIONS_STORE, DUE_DATES_STORE,
                        UNEXPLAINED_STORE, EMPLOYEE_FLOWS_STORE, EMPLOYEE_FLOWS_QUARTER_STORE)
                .split(Named.as("employee-change-"))
                .branch((key, value) -> value instanceof ContributionChange, Branched.as("contribution"))
                .branch((key, value) -> value instanceof EmployeeFlows.Change, Branched.as("flows"))
                .noDefaultBranch();

        KStream<String, Object> changes = employeeChanges.get("employee-change-contribution")
                .mapValues(change -> (ContributionChange) change, Named.as("as-contribution-change"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.contributionChange())
                        .withName("contribution-changes").withNumberOfPartitions(1))
                .mapValues(change -> (Object) change, Named.as("contribution-change-as-input"));

        KStream<String, Object> benchmarkUpdates = builder
                .stream(topics.benchmarksTopic(), Consumed.with(RepresentationTopics.KEY, topics.benchmarks())
                        .withName("benchmarks-source"))
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

        buildFlows(employeeChanges.get("employee-change-flows"), promotionEvents, benchmarkUpdates);
    }

    /**
     * Flow metrics (SPEC §7): each employee's changed periods and competitions, the competition openings and the
     * benchmarks meet in one task, which publishes flows, quarter-end snapshots and competition funnels.
     */
    private void buildFlows(KStream<String, Object> flowChanges, KStream<String, PromotionEvent> promotionEvents,
                            KStream<String, Object> benchmarkUpdates) {
        KStream<String, Object> flows = flowChanges
                .mapValues(change -> (EmployeeFlows.Change) change, Named.as("as-flow-change"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.flowChange())
                        .withName("flow-changes").withNumberOfPartitions(1))
                .mapValues(change -> (Object) change, Named.as("flow-change-as-input"));
        KStream<String, Object> openings = promotionEvents
                .flatMapValues(event -> CompetitionOpening.from(event).stream().toList(),
                        Named.as("promotion-to-competition-opening"))
                .selectKey((key, opening) -> opening.competitionId(), Named.as("opening-by-competition"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.competitionOpening())
                        .withName("competition-openings").withNumberOfPartitions(1))
                .mapValues(opening -> (Object) opening, Named.as("competition-opening-as-input"));
        RepresentationCalculator snapshots = new RepresentationCalculator(config.minCellSize());
        Map<String, KStream<String, FlowAggregator.Outgoing>> outputs = flows
                .merge(openings, Named.as("merge-competition-openings"))
                .merge(benchmarkUpdates, Named.as("merge-flow-benchmarks"))
                .process(() -> new FlowAggregator(today, config.publicSafetyServiceLines(),
                                new FlowCalculator(config.minCellSize(), flowConfig.reference()), snapshots,
                                new CompetitionCalculator(config.minCellSize(), flowConfig.reference(),
                                        config.publicSafetyServiceLines(), flowConfig.firstQuarter()),
                                flowConfig.publishInterval()),
                        Named.as("flow-aggregator"), AGGREGATED_FLOWS_STORE, COMPETITION_OPENINGS_STORE,
                        FLOW_BENCHMARKS_STORE, PUBLISHED_FLOWS_STORE)
                .split(Named.as("flow-output-"))
                .branch((key, out) -> out.topic() == MetricsTopic.FLOWS, Branched.as("flows"))
                .branch((key, out) -> out.topic() == MetricsTopic.REPRESENTATION_SNAPSHOTS, Branched.as("snapshots"))
                .branch((key, out) -> out.topic() == MetricsTopic.COMPETITIONS, Branched.as("competitions"))
                .noDefaultBranch();
        outputs.get("flow-output-flows")
                .mapValues(out -> (FlowFigures) out.value(), Named.as("as-flow-figures"))
                .to(topics.flowsTopic(), Produced.with(RepresentationTopics.KEY, topics.flows())
                        .withName("flow-figures-sink"));
        outputs.get("flow-output-snapshots")
                .mapValues(out -> (RepresentationSnapshot) out.value(), Named.as("as-snapshots"))
                .to(topics.snapshotsTopic(), Produced.with(RepresentationTopics.KEY, topics.snapshots())
                        .withName("representation-snapshots-sink"));
        outputs.get("flow-output-competitions")
                .mapValues(out -> (CompetitionFigures) out.value(), Named.as("as-competition-figures"))
                .to(topics.competitionsTopic(), Produced.with(RepresentationTopics.KEY, topics.competitions())
                        .withName("competition-figures-sink"));
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

    private static <V> StoreBuilder<KeyValueStore<String, V>> loggedStore(String name,
                                                                           org.apache.kafka.common.serialization.Serde<V> values,
                                                                           Map<String, String> changelog) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), RepresentationTopics.KEY, values)
                .withCachingEnabled()
                .withLoggingEnabled(changelog);
    }


}
