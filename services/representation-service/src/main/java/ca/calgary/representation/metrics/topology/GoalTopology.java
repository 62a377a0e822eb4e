package ca.calgary.representation.metrics.topology;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalSetting;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.GoalInputs;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Goals and projections (SPEC §11) from published figures only: each goal's scope's cells today, its latest complete
 * rolling 12 months of flows and the goals themselves, gathered by scope, so a scope's goals are computed in one task
 * and the scopes spread over the partitions.
 *
 * <pre>
 * metrics.representation ─┐ (by scope)
 * metrics.flows (R12M, ───┼→ [goal-inputs] ─→ goal-aggregator ─→ metrics.goals
 *   complete)             │   (N partitions)
 * reference.goals ────────┘
 * </pre>
 *
 * Nothing per employee reaches it, so it reads no more than what a leadership reader can: a suppressed count stays
 * suppressed (SPEC §9).
 */
public final class GoalTopology {

    /** The scopes whose goals wait for their next publication, by when their first change came (queryable). */
    public static final String CHANGED_SCOPES_STORE = GoalAggregator.CHANGED_SCOPES_STORE;
    /**
     * How often changed goals are republished: a projection costs 10 to 20 ms and goals are read over weeks, so a
     * first load that changes their inputs all the time recomputes them at most this often.
     */
    public static final Duration PUBLISH_INTERVAL = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(GoalTopology.class);
    private static final String TWELVE_MONTHS_PREFIX = "R12M-";

    private final RepresentationTopics topics;
    private final Supplier<LocalDate> today;
    private final Duration publishInterval;
    private final int partitions;

    /**
     * @param today      the date "today" stands for
     * @param partitions the partitions the scopes are spread over
     */
    public GoalTopology(RepresentationTopics topics, Supplier<LocalDate> today, Duration publishInterval,
                        int partitions) {
        this.topics = topics;
        this.today = today;
        this.publishInterval = publishInterval;
        this.partitions = partitions;
    }

    public void build(StreamsBuilder builder) {
        KStream<String, GoalAggregator.Input> cells = builder.stream(topics.figuresTopic(),
                        Consumed.with(RepresentationTopics.KEY, topics.figures()).withName("goal-cells-source"))
                .map((key, figures) -> KeyValue.pair(scopeOf(key), (GoalAggregator.Input)
                        new GoalAggregator.CellChange(tierGroupOf(key), cell(figures))), Named.as("cell-by-scope"));
        KStream<String, GoalAggregator.Input> twelveMonths = builder.stream(topics.flowsTopic(),
                        Consumed.with(RepresentationTopics.KEY, topics.flows()).withName("goal-flows-source"))
                .filter((key, flows) -> key != null && key.startsWith(TWELVE_MONTHS_PREFIX)
                        && (flows == null || flows.getComplete()), Named.as("complete-twelve-months"))
                .map((key, flows) -> {
                    String cell = key.substring(key.indexOf('|') + 1);
                    return KeyValue.pair(scopeOf(cell), (GoalAggregator.Input) new GoalAggregator.TwelveMonthsChange(
                            tierGroupOf(cell), key.substring(0, key.indexOf('|')), twelveMonths(flows)));
                }, Named.as("twelve-months-by-scope"));
        KStream<String, GoalAggregator.Input> goals = builder.stream(topics.goalSettingsTopic(),
                        Consumed.with(RepresentationTopics.KEY, topics.goalSettings()).withName("goal-settings-source"))
                .flatMap((key, setting) -> {
                    if (key == null) {
                        return List.<KeyValue<String, GoalAggregator.Input>>of();
                    }
                    Goal goal = setting == null ? null : goal(key, setting);
                    if (setting != null && goal == null) {
                        return List.<KeyValue<String, GoalAggregator.Input>>of();
                    }
                    return List.of(KeyValue.pair(scopeOf(key),
                            new GoalAggregator.GoalChange(tierGroupOf(key), goal)));
                }, Named.as("goal-by-scope"));

        cells.merge(twelveMonths, Named.as("merge-twelve-months"))
                .merge(goals, Named.as("merge-goals"))
                .repartition(Repartitioned.with(RepresentationTopics.KEY, InternalSerdes.goalInput())
                        .withName("goal-inputs").withNumberOfPartitions(partitions))
                .process(GoalAggregator.supplier(today, publishInterval), Named.as("goal-aggregator"))
                .to(topics.goalsTopic(), Produced.with(RepresentationTopics.KEY, topics.goals())
                        .withName("goals-sink"));
    }

    /** The scope of a {@code scope|tier|group} key (a unit's path may hold any character but the separator). */
    static String scopeOf(String cellKey) {
        int group = cellKey.lastIndexOf('|');
        return cellKey.substring(0, cellKey.lastIndexOf('|', group - 1));
    }

    static String tierGroupOf(String cellKey) {
        return cellKey.substring(scopeOf(cellKey).length() + 1);
    }

    private static GoalInputs.PublishedCell cell(RepresentationFigures figures) {
        return figures == null ? null
                : new GoalInputs.PublishedCell(figures.getHeadcount(), figures.getCount(),
                        figures.getRepresentation(), figures.getBenchmark());
    }

    private static GoalInputs.TwelveMonths twelveMonths(FlowFigures flows) {
        return flows == null ? null : new GoalInputs.TwelveMonths(flows.getPeriod(), flows.getPeriodEnd(),
                flows.getHeadcountAtStart(), flows.getHires(), flows.getPromotionsInto(), flows.getPromotionPool(),
                flows.getSeparations());
    }

    /** The goal a setting stands for, or null (logged) when it is not one: the API never writes such a record. */
    static Goal goal(String key, GoalSetting setting) {
        try {
            Goal goal = new Goal(new Scope(setting.getScope()), Tier.valueOf(setting.getTier()),
                    Group.valueOf(setting.getGroup()),
                    setting.getTargetShare() == null ? null : BigDecimal.valueOf(setting.getTargetShare()),
                    setting.getTargetDate(), setting.getSource());
            if (!goal.key().equals(key)) {
                throw new IllegalArgumentException("its key is " + key + ", its fields say " + goal.key());
            }
            return goal;
        } catch (RuntimeException e) {
            log.warn("goal {} on {} ignored: {}", key, MetricsTopic.GOAL_SETTINGS.topicName(), e.getMessage());
            return null;
        }
    }
}
