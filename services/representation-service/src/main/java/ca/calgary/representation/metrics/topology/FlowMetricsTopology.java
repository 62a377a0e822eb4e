package ca.calgary.representation.metrics.topology;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.FlowCalculator;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationCalculator;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The flow metrics of every period (SPEC §7): hiring, promotion, separation and mentorship flows, quarter-end
 * snapshots and competition funnels. A separate application from the live figures ({@link RepresentationTopology}):
 * it reads the same inputs through the same decoders, keeps its own copy of each employee's history, and runs on its
 * own threads and transactions, so a first load of years of history never delays a live cell.
 *
 * <pre>
 * hr.* (decoders) → (employee-events) → employee-flows ─┬→ [period-flow-changes] ─→ flow-period-aggregator → metrics.flows
 *                   (by employeeKey)    (histories,      │   (by period, N)
 *                                        passes)         ├→ [quarter-end-changes] ─→ quarter-snapshot-aggregator → metrics.representation-snapshots
 *                                                        │   (by quarter, N)      ↑ [snapshot-benchmark-updates] (to every partition)
 *                                                        └→ [competition-changes] ─→ competition-aggregator → metrics.competitions
 * hr.promotion-events (competition openings) ─────────→ [competition-openings] ─↗  (one partition)
 * reference.benchmarks ─→ [snapshot-benchmark-updates]
 * </pre>
 *
 * Beside each employee's history (same task, same partition), their flows are evaluated in passes that send
 * coalesced count changes, never anything per employee: per period to the flow aggregation and per quarter to the
 * snapshot aggregation, both spread over {@link FlowConfig#partitions()} partitions (each snapshot partition receives
 * every benchmark change), and per competition to the funnel aggregation (one task: roll-ups need every competition),
 * which also receives the openings. Records the decoders reject are dead-lettered by the live application only.
 */
public final class FlowMetricsTopology {

    /** The employees marked by events that no pass has evaluated yet (queryable: the flows' backlog). */
    public static final String PENDING_EMPLOYEES_STORE = EmployeeFlowsProcessor.PENDING_STORE;
    /** The tables each aggregation has read but not published yet, by when their first change came. */
    public static final java.util.List<String> UNPUBLISHED_STORES = java.util.List.of(
            FlowPeriodAggregator.UNPUBLISHED_STORE, QuarterSnapshotAggregator.UNPUBLISHED_STORE,
            CompetitionAggregator.UNPUBLISHED_STORE);

    private final RepresentationTopics topics;
    private final RepresentationConfig config;
    private final FlowConfig flowConfig;
    private final Supplier<LocalDate> today;
    private final Backlog backlog;

    /**
     * @param today       the date "today" stands for (the configured zone's date; a fixed date in tests)
     * @param backlog whether this application has read all its input: a backlog's tables are published then
     */
    public FlowMetricsTopology(RepresentationTopics topics, RepresentationConfig config, FlowConfig flowConfig,
                               Supplier<LocalDate> today, Backlog backlog) {
        this.topics = topics;
        this.config = config;
        this.flowConfig = flowConfig;
        this.today = today;
        this.backlog = backlog;
    }

    public void build(StreamsBuilder builder) {
        HrInputs inputs = new HrInputs(builder, topics, config.maxOrgUnits(), flowConfig.partitions());
        KStream<String, BenchmarkShare> benchmarkShares = builder.stream(topics.benchmarksTopic(),
                Consumed.with(RepresentationTopics.KEY, topics.benchmarks()).withName("benchmarks-source"));
        Map<String, KStream<String, FlowCountChange>> changes = inputs.employeeEvents()
                .process(EmployeeFlowsProcessor.supplier(today, flowConfig, config.publicSafetyServiceLines(),
                                config.releaseThreshold(), backlog),
                        Named.as("employee-flows"))
                .split(Named.as("flow-count-change-"))
                .branch((key, change) -> change instanceof FlowCountChange.PeriodChange, Branched.as("period"))
                .branch((key, change) -> change instanceof FlowCountChange.QuarterEndChange, Branched.as("quarter"))
                .branch((key, change) -> change instanceof FlowCountChange.CompetitionChange,
                        Branched.as("competition"))
                .noDefaultBranch();

        changes.get("flow-count-change-period")
                .mapValues(change -> (FlowCountChange.PeriodChange) change, Named.as("period-change"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.periodChange())
                        .withName("period-flow-changes").withNumberOfPartitions(flowConfig.partitions()))
                .process(FlowPeriodAggregator.supplier(today,
                                new FlowCalculator(config.minCellSize(), flowConfig.reference()),
                                config.releaseThreshold(), flowConfig.publishInterval(), backlog),
                        Named.as("flow-period-aggregator"))
                .to(topics.flowsTopic(), Produced.with(RepresentationTopics.KEY, topics.flows())
                        .withName("flow-figures-sink"));

        KStream<String, QuarterSnapshotAggregator.Input> quarterEnds = changes.get("flow-count-change-quarter")
                .mapValues(change -> (FlowCountChange.QuarterEndChange) change, Named.as("quarter-end-change"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.quarterEndChange())
                        .withName("quarter-end-changes").withNumberOfPartitions(flowConfig.partitions()))
                .mapValues(QuarterSnapshotAggregator.QuarterEnd::new, Named.as("quarter-end-as-input"));
        KStream<String, QuarterSnapshotAggregator.Input> snapshotBenchmarks = benchmarkShares
                .repartition(Repartitioned.with(RepresentationTopics.KEY, topics.benchmarks())
                        .withName("snapshot-benchmark-updates").withNumberOfPartitions(flowConfig.partitions())
                        .withStreamPartitioner(FlowMetricsTopology::everyPartition))
                .mapValues(QuarterSnapshotAggregator.BenchmarkChange::new, Named.as("snapshot-benchmark-as-input"));
        quarterEnds.merge(snapshotBenchmarks, Named.as("merge-snapshot-benchmarks"))
                .process(QuarterSnapshotAggregator.supplier(today,
                                new RepresentationCalculator(config.minCellSize()), config.releaseThreshold(),
                                flowConfig.publishInterval(), backlog, topics.benchmarks()),
                        Named.as("quarter-snapshot-aggregator"))
                .to(topics.snapshotsTopic(), Produced.with(RepresentationTopics.KEY, topics.snapshots())
                        .withName("representation-snapshots-sink"));

        KStream<String, CompetitionAggregator.Input> candidates = changes.get("flow-count-change-competition")
                .mapValues(change -> (FlowCountChange.CompetitionChange) change, Named.as("competition-change"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.competitionChange())
                        .withName("competition-changes").withNumberOfPartitions(1))
                .mapValues(CompetitionAggregator.Candidates::new, Named.as("competition-change-as-input"));
        KStream<String, CompetitionAggregator.Input> openings = inputs.promotionEvents()
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
                                config.releaseThreshold(), flowConfig.publishInterval(), backlog),
                        Named.as("competition-aggregator"))
                .to(topics.competitionsTopic(), Produced.with(RepresentationTopics.KEY, topics.competitions())
                        .withName("competition-figures-sink"));
    }

    /** Sends a record to every partition: each snapshot partition needs every benchmark. */
    private static Optional<Set<Integer>> everyPartition(String topic, String key, BenchmarkShare share,
                                                         int partitions) {
        return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
    }

}
