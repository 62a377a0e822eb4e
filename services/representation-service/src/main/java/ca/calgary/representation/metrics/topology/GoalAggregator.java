package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalProjectionPoint;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.GoalInputs;
import ca.calgary.representation.metrics.core.GoalProgress;
import ca.calgary.representation.metrics.core.GoalRequirement;
import ca.calgary.representation.metrics.core.RepresentationProjection;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The goals of the scopes of one partition (SPEC §11), from the scopes' published figures: keeps each scope's cells
 * today, its latest complete rolling 12 months of flows and its goals, and republishes the goals of every scope
 * whose inputs changed, at most every publish interval (a projection costs 10 to 20 ms; goals are read over weeks),
 * and every goal once a day (today moves the projection's steps). Everything here is keyed by scope, so a scope's
 * goals and all they read are in one task, and the work spreads over the partitions.
 */
final class GoalAggregator implements Processor<String, GoalAggregator.Input, String, GoalFigures> {

    /** What this aggregation reads, keyed by scope; {@code tierGroup} is {@code tier|group}. */
    sealed interface Input {
        String tierGroup();
    }

    /** A published cell today (null: the cell is gone). */
    record CellChange(String tierGroup, GoalInputs.PublishedCell cell) implements Input {
    }

    /** A published cell of a complete rolling 12 months (null {@code months}: that period's cell is gone). */
    record TwelveMonthsChange(String tierGroup, String period, GoalInputs.TwelveMonths months) implements Input {
    }

    /** A goal set (null: removed). */
    record GoalChange(String tierGroup, Goal goal) implements Input {
    }

    /** Each scope's inputs, by {@code scope|kind|tier|group}. */
    static final String INPUTS_STORE = "goal-inputs";
    /** The scopes whose inputs changed since their goals were last published, by when the first change came. */
    static final String CHANGED_SCOPES_STORE = "goal-scopes-changed";
    static final String PUBLISHED_STORE = "published-goals";

    private static final String CELL = "cell";
    private static final String TWELVE_MONTHS = "months";
    private static final String GOAL = "goal";

    private static final Logger log = LoggerFactory.getLogger(GoalAggregator.class);

    private final Supplier<LocalDate> today;
    private final Duration publishInterval;
    private ProcessorContext<String, GoalFigures> context;
    private KeyValueStore<String, Input> inputs;
    private KeyValueStore<String, Long> changedScopes;
    private RevisedPublication<GoalFigures> publication;
    /** The day the goals were last published for (every goal is recomputed when it moves). */
    private LocalDate publishedFor;

    GoalAggregator(Supplier<LocalDate> today, Duration publishInterval) {
        this.today = today;
        this.publishInterval = publishInterval;
    }

    static ProcessorSupplier<String, Input, String, GoalFigures> supplier(Supplier<LocalDate> today,
                                                                          Duration publishInterval) {
        return StoreOwningSupplier.of(() -> new GoalAggregator(today, publishInterval),
                RepresentationTopology.loggedStore(INPUTS_STORE, InternalSerdes.goalInput(), Map.of()),
                RepresentationTopology.loggedStore(CHANGED_SCOPES_STORE, Serdes.Long(), Map.of()),
                RevisedPublication.publishedStore(PUBLISHED_STORE));
    }

    @Override
    public void init(ProcessorContext<String, GoalFigures> context) {
        this.context = context;
        this.inputs = context.getStateStore(INPUTS_STORE);
        this.changedScopes = context.getStateStore(CHANGED_SCOPES_STORE);
        this.publication = new RevisedPublication<>(context.getStateStore(PUBLISHED_STORE), (key, figures) ->
                context.forward(new Record<>(key, figures, context.currentSystemTimeMs())));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishChanges());
    }

    @Override
    public void process(Record<String, Input> record) {
        String scope = record.key();
        Input input = record.value();
        if (scope == null || input == null) {
            return;
        }
        if (input instanceof CellChange change) {
            apply(scope, CELL, change, change.cell() != null);
        } else if (input instanceof TwelveMonthsChange change) {
            Input stored = inputs.get(key(scope, TWELVE_MONTHS, change.tierGroup()));
            GoalInputs.TwelveMonths kept = stored == null ? null : ((TwelveMonthsChange) stored).months();
            if (change.months() == null) {
                if (kept != null && kept.period().equals(change.period())) {
                    apply(scope, TWELVE_MONTHS, change, false);
                }
            } else if (kept == null || !change.months().end().isBefore(kept.end())) {
                // only the latest complete 12 months count; a restated older period changes nothing here
                apply(scope, TWELVE_MONTHS, change, true);
            }
        } else if (input instanceof GoalChange change) {
            apply(scope, GOAL, change, change.goal() != null);
        }
    }

    /** Keeps (or, when not {@code present}, removes) one input of a scope; a change marks the scope changed. */
    private void apply(String scope, String kind, Input input, boolean present) {
        String key = key(scope, kind, input.tierGroup());
        Input before = inputs.get(key);
        if (present ? input.equals(before) : before == null) {
            return;
        }
        if (present) {
            inputs.put(key, input);
        } else {
            inputs.delete(key);
        }
        // a scope without goals has nothing to publish: most scopes, most of the time
        if ((GOAL.equals(kind) || hasGoals(scope)) && changedScopes.get(scope) == null) {
            changedScopes.put(scope, context.currentSystemTimeMs());
        }
    }

    private boolean hasGoals(String scope) {
        try (KeyValueIterator<String, Input> goals = inputs.prefixScan(key(scope, GOAL, ""),
                new StringSerializer())) {
            return goals.hasNext();
        }
    }

    private static String key(String scope, String kind, String tierGroup) {
        return scope + "|" + kind + "|" + tierGroup;
    }

    private void publishChanges() {
        LocalDate asOf = today.get();
        Set<String> scopes = new LinkedHashSet<>();
        if (!asOf.equals(publishedFor)) {
            scopes.addAll(scopesWithGoals());
        }
        try (KeyValueIterator<String, Long> changed = changedScopes.all()) {
            changed.forEachRemaining(scope -> scopes.add(scope.key));
        }
        for (String scope : scopes) {
            publish(scope, asOf);
            changedScopes.delete(scope);
        }
        publishedFor = asOf;
    }

    private Set<String> scopesWithGoals() {
        Set<String> scopes = new LinkedHashSet<>();
        try (KeyValueIterator<String, Input> all = inputs.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value instanceof GoalChange change) {
                    scopes.add(change.goal().scope().id());
                }
            });
        }
        return scopes;
    }

    /** Publishes the figures of a scope's goals that changed, and a tombstone for each goal removed. */
    private void publish(String scope, LocalDate asOf) {
        Map<String, GoalInputs.PublishedCell> cells = new HashMap<>();
        Map<String, GoalInputs.TwelveMonths> months = new HashMap<>();
        List<Goal> goals = new ArrayList<>();
        try (KeyValueIterator<String, Input> all = inputs.prefixScan(scope + "|", new StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (entry.value instanceof CellChange change) {
                    cells.put(change.tierGroup(), change.cell());
                } else if (entry.value instanceof TwelveMonthsChange change) {
                    months.put(change.tierGroup(), change.months());
                } else if (entry.value instanceof GoalChange change) {
                    goals.add(change.goal());
                }
            });
        }
        GoalInputs published = new GoalInputs(cells, months);
        Map<String, RevisedPublication.Candidate<GoalFigures>> records = new HashMap<>();
        for (Goal goal : goals) {
            GoalProgress progress;
            try {
                progress = GoalProgress.of(goal, published, asOf);
            } catch (RuntimeException e) {
                // a goal that cannot be computed must not stop the flow application it runs in: the scope keeps
                // its last published figures until its inputs change again
                log.error("the goals of {} are not republished: {} cannot be computed", scope, goal.key(), e);
                return;
            }
            records.put(goal.key(), new RevisedPublication.Candidate<>(progress,
                    revision -> toAvro(progress, revision)));
        }
        publication.publish(scope + "|", records);
    }

    static GoalFigures toAvro(GoalProgress progress, long revision) {
        Goal goal = progress.goal();
        GoalRequirement requirement = progress.requirement();
        RepresentationProjection.Projection projection = progress.projection();
        List<GoalProjectionPoint> series = projection == null ? List.of() : projection.series().stream()
                .map(point -> new GoalProjectionPoint(point.date(), point.share(), point.low(), point.high(),
                        point.groupCount(), point.headcount()))
                .toList();
        return GoalFigures.newBuilder()
                .setScope(goal.scope().id())
                .setTier(goal.tier().name())
                .setGroup(goal.group().name())
                .setAsOf(progress.asOf())
                .setRevision(revision)
                .setTargetShare(progress.targetShare())
                .setTargetShareFrom(progress.targetShareFrom().name())
                .setTargetDate(goal.targetDate())
                .setSource(goal.source())
                .setFlowsPeriod(progress.flowsPeriod())
                .setHeadcount(progress.headcount())
                .setCount(progress.count())
                .setRepresentation(progress.representation())
                .setPeopleShort(progress.peopleShort())
                .setAppointmentsExpected(requirement == null ? null : requirement.appointmentsExpected())
                .setRequiredShareOfAppointments(requirement == null ? null
                        : requirement.requiredShareOfAppointments())
                .setAvailableShare(requirement == null ? null : requirement.availableShare())
                .setPlausible(requirement == null ? null : requirement.plausible())
                .setVerdict(projection == null ? null : projection.verdict().name())
                .setProjectedShortfall(projection == null ? null : projection.projectedShortfall())
                .setProjection(series)
                .setWithheld(progress.withheld())
                .setAssumptions(progress.assumptions())
                .build();
    }
}
