package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeEvents;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
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
 * Live representation per scope, tier and group (SPEC §4-§6, §9). The stores holding self-identification
 * (histories, contributions, aggregated contributions) have changelogs compacted within a day.
 *
 * <pre>
 * hr.employment-events ──┐
 * hr.self-identification ┤ to-employee-event → [employee-events] → employee-state → [contribution-changes] ─┐
 * hr.promotion-events ───┤                      (by employeeKey)    histories,        (one partition)       ├→ representation-aggregator → metrics.representation
 * hr.mentorship-events ──┘                                          contributions                           │   cell-counts, benchmarks,
 * reference.benchmarks ─────────────────────────────────────────────→ [benchmark-updates] ──────────────────┘   published-figures
 * </pre>
 *
 * Every processor, store and repartition topic is named; the stores that hold self-identification (histories,
 * contributions) have changelogs compacted within a day, so a withdrawal's erasure reaches the changelog too.
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
    private final Supplier<LocalDate> today;
    private final Duration publishInterval;
    private final Duration dayCheckInterval;

    /**
     * @param today            the date "today" stands for (the configured zone's date; a fixed date in tests)
     * @param publishInterval  how often changed figures are published (coalescing window)
     * @param dayCheckInterval how often to look for future-dated events that have come due
     */
    public RepresentationTopology(RepresentationTopics topics, RepresentationConfig config, Supplier<LocalDate> today,
                                  Duration publishInterval, Duration dayCheckInterval) {
        this.topics = topics;
        this.config = config;
        this.today = today;
        this.publishInterval = publishInterval;
        this.dayCheckInterval = dayCheckInterval;
    }

    public void build(StreamsBuilder builder) {
        var internalEvent = InternalSerdes.employeeEvent();
        KStream<String, EmployeeEvent> employment = builder
                .stream(topics.employmentTopic(), Consumed.with(RepresentationTopics.KEY, topics.employment())
                        .withName("employment-events-source"))
                .mapValues(EmployeeEvents::from, Named.as("employment-to-employee-event"));
        KStream<String, EmployeeEvent> selfIdentification = builder
                .stream(topics.selfIdentificationTopic(), Consumed.with(RepresentationTopics.KEY,
                        topics.selfIdentification()).withName("self-identification-events-source"))
                .mapValues(EmployeeEvents::from, Named.as("self-identification-to-employee-event"));
        KStream<String, EmployeeEvent> promotion = builder
                .stream(topics.promotionTopic(), Consumed.with(RepresentationTopics.KEY, topics.promotion())
                        .withName("promotion-events-source"))
                .flatMapValues(event -> EmployeeEvents.from(event).stream().toList(),
                        Named.as("promotion-to-employee-event"));
        KStream<String, EmployeeEvent> mentorship = builder
                .stream(topics.mentorshipTopic(), Consumed.with(RepresentationTopics.KEY, topics.mentorship())
                        .withName("mentorship-events-source"))
                .mapValues(EmployeeEvents::from, Named.as("mentorship-to-employee-event"));

        builder.addStateStore(loggedStore(HISTORIES_STORE, InternalSerdes.employeeHistory(), ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(CONTRIBUTIONS_STORE, InternalSerdes.contribution(), ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(DUE_DATES_STORE, Serdes.String(), Map.of()));
        builder.addStateStore(loggedStore(AGGREGATED_CONTRIBUTIONS_STORE, InternalSerdes.contribution(),
                ERASING_CHANGELOG));
        builder.addStateStore(loggedStore(BENCHMARKS_STORE, topics.benchmarks(), Map.of()));
        builder.addStateStore(loggedStore(PUBLISHED_STORE, Serdes.String(), Map.of()));
        builder.addStateStore(loggedStore(UNEXPLAINED_STORE, Serdes.Integer(), Map.of()));
        builder.addStateStore(loggedStore(DATA_QUALITY_STORE, Serdes.Long(), Map.of()));

        KStream<String, Object> changes = employment
                .merge(selfIdentification, Named.as("merge-self-identification"))
                .merge(promotion, Named.as("merge-promotion"))
                .merge(mentorship, Named.as("merge-mentorship"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, internalEvent).withName("employee-events"))
                .process(() -> new EmployeeStateProcessor(today, dayCheckInterval), Named.as("employee-state"),
                        HISTORIES_STORE, CONTRIBUTIONS_STORE, DUE_DATES_STORE, UNEXPLAINED_STORE)
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
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> loggedStore(String name,
                                                                           org.apache.kafka.common.serialization.Serde<V> values,
                                                                           Map<String, String> changelog) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), RepresentationTopics.KEY, values)
                .withCachingEnabled()
                .withLoggingEnabled(changelog);
    }


}
