package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.core.WorkingGroupNaming;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Live representation per scope, tier and group (SPEC §4-§6, §9) from one history per employee: the live
 * application. The flow metrics (SPEC §7) are a separate application ({@link FlowMetricsTopology}) that reads the
 * same inputs, so live figures never wait for flow work: not in a task, not in a stream thread, not in a
 * transaction.
 *
 * <pre>
 * hr.employment-events ──┐ decoders
 * hr.self-identification ┤ → (employee-events) → employee-state ──→ [contribution-changes] ─┐
 * hr.promotion-events ───┤   (by employeeKey)    (histories,         (one partition: cell    ├→ representation-aggregator → metrics.representation
 * hr.mentorship-events ──┘                        contributions,     changes summed per pass)│                              metrics.data-quality
 *                                                 pending marks)                             │
 * reference.benchmarks ───────────────────────────────────────────→ [benchmark-updates] ────┤
 * decoders: records that cannot apply → metrics.dead-letters, and → [dead-letter-counts] ───┘
 * hr.mentorship-events' working-group appointments → [working-group-namings] (by workingGroupId)
 *                                                   → working-group-names → metrics.working-groups
 * </pre>
 *
 * ({@code (employee-events)}: only events published off their employee's partition go through that repartition
 * topic; the rest are processed where they were read, {@link EmployeePartitionCheck}.)
 *
 * Every processor, store and repartition topic is named, and each processor declares its own stores; the stores
 * that hold an employee's self-identification (histories, contributions) have changelogs compacted within a day, so
 * a withdrawal's erasure reaches the changelog too.
 */
public final class RepresentationTopology {

    public static final String HISTORIES_STORE = EmployeeHistories.STORE;
    public static final String CONTRIBUTIONS_STORE = EmployeeStateProcessor.CONTRIBUTIONS_STORE;
    public static final String CELL_COUNTS_STORE = RepresentationAggregator.CELL_COUNTS_STORE;
    public static final String PENDING_EMPLOYEES_STORE = EmployeeStateProcessor.PENDING_STORE;
    /** The live cells read but not published yet, by when their first change came. */
    public static final String UNPUBLISHED_STORE = RepresentationAggregator.UNPUBLISHED_STORE;

    /** Changelog settings that make overwritten (erased) values disappear within a day. */
    static final Map<String, String> ERASING_CHANGELOG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0",
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()),
            TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofHours(6).toMillis()),
            TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.01");

    private final RepresentationTopics topics;
    private final RepresentationConfig config;
    private final Supplier<LocalDate> today;
    private final Duration publishInterval;
    private final Duration dayCheckInterval;
    private final Backlog backlog;
    private final int employeePartitions;

    /**
     * @param today            the date "today" stands for (the configured zone's date; a fixed date in tests)
     * @param publishInterval  how often changed figures are published (coalescing window)
     * @param dayCheckInterval how often to look for future-dated events that have come due
     * @param backlog          whether this application has read all its input: a backlog's cells are published then
     * @param employeePartitions the partitions employees' state is spread over: the service's topic partitions
     */
    public RepresentationTopology(RepresentationTopics topics, RepresentationConfig config, Supplier<LocalDate> today,
                                  Duration publishInterval, Duration dayCheckInterval, Backlog backlog,
                                  int employeePartitions) {
        this.topics = topics;
        this.config = config;
        this.today = today;
        this.publishInterval = publishInterval;
        this.dayCheckInterval = dayCheckInterval;
        this.backlog = backlog;
        this.employeePartitions = employeePartitions;
    }

    public void build(StreamsBuilder builder) {
        HrInputs inputs = new HrInputs(builder, topics, config.maxOrgUnits(), employeePartitions);
        KStream<String, DeadLetter> deadLetters = inputs.deadLetters();
        deadLetters
                .selectKey((key, letter) -> letter.getSourceTopic() + "|" + letter.getSourcePartition() + "|"
                        + letter.getSourceOffset(), Named.as("dead-letter-by-source"))
                .to(topics.deadLettersTopic(), Produced.with(RepresentationTopics.KEY, topics.deadLetters())
                        .withName("dead-letters-sink"));
        // Counted by reason beside the other data-quality counts, in the task that publishes them.
        KStream<String, RepresentationAggregator.Input> deadLetterCounts = deadLetters
                .selectKey((key, letter) -> letter.getReason().name(), Named.as("dead-letter-by-reason"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, topics.deadLetters())
                        .withName("dead-letter-counts").withNumberOfPartitions(1))
                .mapValues(RepresentationAggregator.DeadLettered::new, Named.as("dead-letter-as-input"));

        KStream<String, RepresentationAggregator.Input> changes = inputs.employeeEvents()
                .process(EmployeeStateProcessor.supplier(today, dayCheckInterval, config.publicSafetyServiceLines(),
                                config.releaseThreshold(), backlog),
                        Named.as("employee-state"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.liveCountChange())
                        .withName("contribution-changes").withNumberOfPartitions(1))
                .mapValues(RepresentationAggregator.CountChange::new, Named.as("contribution-change-as-input"));

        KStream<String, BenchmarkShare> benchmarkShares = builder.stream(topics.benchmarksTopic(),
                Consumed.with(RepresentationTopics.KEY, topics.benchmarks()).withName("benchmarks-source"));
        KStream<String, RepresentationAggregator.Input> benchmarkUpdates = benchmarkShares
                .repartition(Repartitioned.with(RepresentationTopics.KEY, topics.benchmarks())
                        .withName("benchmark-updates").withNumberOfPartitions(1))
                .mapValues(RepresentationAggregator.BenchmarkChange::new, Named.as("benchmark-as-input"));

        RepresentationCalculator calculator = new RepresentationCalculator(config.minCellSize());
        KStream<String, SpecificRecord> published = changes.merge(benchmarkUpdates, Named.as("merge-benchmarks"))
                .merge(deadLetterCounts, Named.as("merge-dead-letter-counts"))
                .process(RepresentationAggregator.supplier(today, calculator, config.releaseThreshold(),
                                publishInterval, backlog, topics.benchmarks()),
                        Named.as("representation-aggregator"));
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

        inputs.mentorshipEvents()
                .flatMapValues(event -> WorkingGroupNaming.from(event).stream().toList(),
                        Named.as("working-group-naming"))
                .selectKey((key, naming) -> naming.workingGroupId(), Named.as("naming-by-working-group"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.workingGroupNaming())
                        .withName("working-group-namings"))
                .process(WorkingGroupNames.supplier(), Named.as("working-group-names"))
                .to(topics.workingGroupsTopic(), Produced.with(RepresentationTopics.KEY, topics.workingGroups())
                        .withName("working-groups-sink"));
    }

    /** A persistent store with string keys, cached, and logged to a changelog with these settings. */
    static <V> StoreBuilder<KeyValueStore<String, V>> loggedStore(String name, Serde<V> values,
                                                                 Map<String, String> changelog) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), RepresentationTopics.KEY, values)
                .withCachingEnabled()
                .withLoggingEnabled(changelog);
    }
}
