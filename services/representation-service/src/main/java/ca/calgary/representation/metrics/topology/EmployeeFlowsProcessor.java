package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.FlowChanges;
import ca.calgary.representation.metrics.core.FlowCounts;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.Period;
import ca.calgary.representation.metrics.core.PlacementCells;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.Quarter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each employee's history and flows (SPEC §7: their contribution to every period, quarter end and competition),
 * turned into coalesced count changes. An event only marks its employee as pending; a pass then
 * re-evaluates the pending employees once each, subtracts what each contributed before and adds what they contribute
 * now ({@link FlowChanges}), and forwards one change per period, quarter and competition for the whole pass, keyed by
 * what the aggregation downstream is partitioned on. Marks, flows and the pass's output are written in the same
 * transaction, so a crash repeats a pass rather than losing one.
 *
 * <p>A pass handles at most {@code employeesPerPass} employees, so no transaction grows with the workforce: when
 * a quarter begins (every employee's flows gain periods) or history is loaded, the work is spread over passes that
 * follow each other every {@link #PASS_INTERVAL}; otherwise passes wait for {@link #COALESCING_WINDOW}, so an employee
 * with several events in a burst is evaluated once. Future-dated events mark their employee again on the day they
 * take effect.
 */
final class EmployeeFlowsProcessor implements Processor<String, EmployeeEvent, String, FlowCountChange> {

    static final String FLOWS_STORE = "employee-flows";
    static final String PENDING_STORE = "employee-flows-pending";
    static final String DUE_DATES_STORE = "employee-flows-due-dates";
    /** The quarter every employee's flows were last evaluated for, and how far a quarter's re-evaluation got. */
    static final String QUARTER_STORE = "employee-flows-quarter";
    static final Duration PASS_INTERVAL = Duration.ofMillis(100);
    /** How long changes wait for more of the same employees when nothing is backlogged (at most the publish interval). */
    static final Duration COALESCING_WINDOW = Duration.ofSeconds(1);

    static final String EVALUATED_QUARTER = "current-quarter";
    /** The last employee re-evaluated for a quarter that began; absent when no re-evaluation is under way. */
    static final String ROLLOVER_AFTER = "rollover-after";

    private final Supplier<LocalDate> today;
    private final Quarter firstQuarter;
    /** Kept across passes: the same placements come back in every pass. */
    private final PlacementCells placementCells;
    private final Duration coalescingWindow;
    private final int employeesPerPass;
    private final Backlog backlogWatch;
    /** How many changed employees a pass notes per (period, scope, tier): the release threshold (SPEC §9). */
    private final int releaseThreshold;
    private ProcessorContext<String, FlowCountChange> context;
    private KeyValueStore<String, EmployeeHistory> histories;
    private KeyValueStore<String, EmployeeFlows> flows;
    private KeyValueStore<String, String> dueDates;
    private KeyValueStore<String, String> quarter;
    /** The employees marked for a pass (the store {@link #PENDING_STORE}). */
    private final PendingEmployees pending;
    private long lastPassEndMs;
    private boolean backlog = true;

    EmployeeFlowsProcessor(Supplier<LocalDate> today, FlowConfig flowConfig, Set<String> publicSafety,
                           int releaseThreshold, Backlog backlogWatch) {
        this.today = today;
        this.firstQuarter = flowConfig.firstQuarter();
        this.placementCells = new PlacementCells(publicSafety);
        this.coalescingWindow = flowConfig.publishInterval().compareTo(COALESCING_WINDOW) < 0
                ? flowConfig.publishInterval() : COALESCING_WINDOW;
        this.employeesPerPass = flowConfig.employeesPerPass();
        this.backlogWatch = backlogWatch;
        this.releaseThreshold = releaseThreshold;
        this.pending = new PendingEmployees(backlogWatch);
    }

    /** The processor with the stores it owns: the histories, the flows, and the passes' progress. */
    static ProcessorSupplier<String, EmployeeEvent, String, FlowCountChange> supplier(
            Supplier<LocalDate> today, FlowConfig flowConfig, Set<String> publicSafety, int releaseThreshold,
            Backlog backlogWatch) {
        return StoreOwningSupplier.of(() -> new EmployeeFlowsProcessor(today, flowConfig, publicSafety,
                        releaseThreshold, backlogWatch),
                EmployeeHistories.store(),
                RepresentationTopology.loggedStore(FLOWS_STORE, InternalSerdes.employeeFlows(),
                        RepresentationTopology.ERASING_CHANGELOG),
                RepresentationTopology.loggedStore(PENDING_STORE, Serdes.Long(), Map.of()),
                RepresentationTopology.loggedStore(DUE_DATES_STORE, Serdes.String(), Map.of()),
                RepresentationTopology.loggedStore(QUARTER_STORE, Serdes.String(), Map.of()));
    }

    @Override
    public void init(ProcessorContext<String, FlowCountChange> context) {
        this.context = context;
        this.histories = context.getStateStore(EmployeeHistories.STORE);
        this.flows = context.getStateStore(FLOWS_STORE);
        this.dueDates = context.getStateStore(DUE_DATES_STORE);
        this.quarter = context.getStateStore(QUARTER_STORE);
        pending.init(context.getStateStore(PENDING_STORE), context.taskId());
        backlog = true;
        backlogWatch.holding(context.taskId(), true); // until a pass finds no work: a quarter may be due
        context.schedule(PASS_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::maybePass);
    }

    @Override
    public void close() {
        backlogWatch.holding(context.taskId(), false);
    }

    @Override
    public void process(Record<String, EmployeeEvent> record) {
        if (record.key() == null || record.value() == null
                || EmployeeHistories.record(histories, record.key(), record.value()) == null) {
            return;
        }
        pending.mark(record.key(), record.timestamp());
        if (record.value().effectiveDate().isAfter(today.get())) {
            dueDates.put(EmployeeHistories.dueKey(record.value().effectiveDate(), record.key()), "");
        }
    }

    private void maybePass(long now) {
        if (backlog || now - lastPassEndMs >= coalescingWindow.toMillis()) {
            pass();
            lastPassEndMs = now;
        }
    }

    /** One pass: employees whose events came due, pending employees, then a quarter's re-evaluation, in budget. */
    void pass() {
        LocalDate day = today.get();
        if (quarter.get(EVALUATED_QUARTER) == null) {
            // a first start: everyone evaluated from now on is evaluated for this quarter or a later one
            quarter.put(EVALUATED_QUARTER, Quarter.of(day).id());
        }
        pending.markDue(dueDates, day, context.currentSystemTimeMs());
        FlowChanges changes = new FlowChanges(placementCells, releaseThreshold);
        List<String> employees = new ArrayList<>();
        // the changes are stamped with the newest event behind them: the aggregations tell live from backlog by it
        long eventTimeMs = -1;
        for (Map.Entry<String, Long> employee : pending.poll(employeesPerPass)) {
            employees.add(employee.getKey());
            eventTimeMs = Math.max(eventTimeMs, employee.getValue());
        }
        backlog = !pending.isEmpty();
        for (String employee : employees) {
            reevaluate(employee, histories.get(employee), day, changes);
        }
        if (!backlog && continueQuarter(day, employeesPerPass - employees.size(), changes)) {
            backlog = true;
            // a slice of a quarter's re-evaluation is work waiting since the quarter began (the last slice, with no
            // work left, is stamped like any other pass, so the completed tables are published without waiting)
            eventTimeMs = Math.max(eventTimeMs, Quarter.of(day).start().atStartOfDay(ZoneOffset.UTC)
                    .toInstant().toEpochMilli());
        }
        forward(changes, eventTimeMs < 0 ? context.currentSystemTimeMs() : eventTimeMs);
        backlogWatch.holding(context.taskId(), backlog);
    }

    /**
     * When a quarter begins every employee's flows gain periods; they are re-evaluated in key order over as many
     * passes as it takes, the position kept in the store so a restart continues. Returns whether work remains.
     */
    private boolean continueQuarter(LocalDate day, int budget, FlowChanges changes) {
        String current = Quarter.of(day).id();
        if (current.equals(quarter.get(EVALUATED_QUARTER))) {
            return false;
        }
        if (budget <= 0) {
            return true;
        }
        String after = quarter.get(ROLLOVER_AFTER);
        List<KeyValue<String, EmployeeHistory>> batch = new ArrayList<>();
        boolean more;
        try (KeyValueIterator<String, EmployeeHistory> all = after == null ? histories.all()
                : histories.range(after + "\u0000", null)) {
            while (all.hasNext() && batch.size() < budget) {
                batch.add(all.next());
            }
            more = all.hasNext();
        }
        for (KeyValue<String, EmployeeHistory> employee : batch) {
            reevaluate(employee.key, employee.value, day, changes);
        }
        if (!more) {
            quarter.put(EVALUATED_QUARTER, current);
            quarter.delete(ROLLOVER_AFTER);
            return false;
        }
        quarter.put(ROLLOVER_AFTER, batch.get(batch.size() - 1).key);
        return true;
    }

    private void reevaluate(String employee, EmployeeHistory history, LocalDate day, FlowChanges changes) {
        EmployeeFlows before = Objects.requireNonNullElse(flows.get(employee), EmployeeFlows.NONE);
        EmployeeFlows after = history == null ? EmployeeFlows.NONE : EmployeeFlows.of(history, firstQuarter, day);
        EmployeeFlows.Change change = EmployeeFlows.diff(before, after);
        if (change.isEmpty()) {
            return;
        }
        if (after.periods().isEmpty() && after.competitions().isEmpty()) {
            flows.delete(employee);
        } else {
            flows.put(employee, after);
        }
        changes.add(employee, change);
    }

    private void forward(FlowChanges changes, long timestamp) {
        if (changes.isEmpty()) {
            return;
        }
        SortedMap<Period, Map<CellKey, FlowCounts>> periods = changes.periods();
        SortedMap<Period, Map<CellKey, Set<Long>>> contributors = changes.contributors();
        forwardEach(periods.keySet(), contributors.keySet(), Period::id, period -> new FlowCountChange.PeriodChange(
                periods.getOrDefault(period, Map.of()), contributors.getOrDefault(period, Map.of())), timestamp);
        SortedMap<Quarter, Map<CellKey, GroupCounts>> quarterEnds = changes.quarterEnds();
        SortedMap<Quarter, Map<CellKey, Set<Long>>> atEnd = changes.quarterEndContributors();
        forwardEach(quarterEnds.keySet(), atEnd.keySet(), Quarter::id, quarter -> new FlowCountChange.QuarterEndChange(
                quarterEnds.getOrDefault(quarter, Map.of()), atEnd.getOrDefault(quarter, Map.of())), timestamp);
        SortedMap<String, CompetitionCalculator.Counts> competitions = changes.competitions();
        SortedMap<String, Set<Long>> candidates = changes.competitionContributors();
        forwardEach(competitions.keySet(), candidates.keySet(), competition -> competition,
                competition -> new FlowCountChange.CompetitionChange(
                        competitions.getOrDefault(competition, new CompetitionCalculator.Counts()),
                        candidates.getOrDefault(competition, Set.of())), timestamp);
    }

    /**
     * Forwards one change per table (period, quarter, competition) whose counts changed or in which someone changed:
     * counts can cancel out where people changed (two who swapped groups), which the release rule still counts.
     */
    private <T extends Comparable<T>> void forwardEach(Set<T> counted, Set<T> noted, Function<T, String> key,
                                                       Function<T, FlowCountChange> change, long timestamp) {
        SortedSet<T> changed = new TreeSet<>(counted);
        changed.addAll(noted);
        for (T table : changed) {
            context.forward(new Record<>(key.apply(table), change.apply(table), timestamp));
        }
    }
}
