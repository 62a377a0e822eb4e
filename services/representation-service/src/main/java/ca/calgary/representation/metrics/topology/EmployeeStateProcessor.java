package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.ContributionChanges;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.EmployeeState;
import ca.calgary.representation.metrics.core.PlacementCells;
import ca.calgary.representation.metrics.topology.InternalSerdes.LiveCountChange;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each employee's history (SPEC §4) and sends what the employees of this partition change in the live counts,
 * coalesced: an event (a duplicate eventId changes nothing) or a future-dated event's day (a wall-clock check finds
 * the employees due) only marks the employee ({@code employee-state-pending}); every {@link #PASS_INTERVAL} a pass
 * evaluates the marked employees (at most {@link #EMPLOYEES_PER_PASS}) and forwards one {@link LiveCountChange}: the
 * change of each (scope, tier)'s counts. So the one task that holds the whole table receives cell changes, and its
 * work grows with the cells and the passes, not with the employees or their events; an employee with ten events in
 * a first load is evaluated once. Each change also names (by digest, at most the release threshold per cell) the
 * employees who changed in each (scope, tier), for the release rule ({@link RepresentationAggregator}). Marks, contributions and the output are written in the same transaction, so a
 * restart resumes with the marked employees. Only the live figures wait for this processor; the flow application
 * keeps its own histories ({@link EmployeeFlowsProcessor}).
 */
final class EmployeeStateProcessor implements Processor<String, EmployeeEvent, String, LiveCountChange> {

    /** What each employee counts in now (their cells and groups), to tell the change an evaluation makes. */
    static final String CONTRIBUTIONS_STORE = "employee-contributions";
    /** The employees with future-dated events, by the day the next one takes effect. */
    static final String DUE_DATES_STORE = "employee-due-dates";
    /** How many of each employee's events cannot apply yet (a step before the hire), for data quality. */
    static final String UNEXPLAINED_STORE = "employee-unexplained-events";
    /** The employees to evaluate in the next pass, with the latest timestamp of their events. */
    static final String PENDING_STORE = "employee-state-pending";

    /** Short, because a live change waits for the next pass (and then for the commit). */
    static final Duration PASS_INTERVAL = Duration.ofMillis(10);
    /** Bounds a pass's work and transaction during a first load; the rest waits for the next pass. */
    static final int EMPLOYEES_PER_PASS = 5_000;
    /** The one key of the changes topic (it has one partition). */
    static final String CHANGES_KEY = "cells";

    private final Supplier<LocalDate> today;
    private final Duration dayCheckInterval;
    private final PlacementCells placementCells;
    private final int releaseThreshold;
    private ProcessorContext<String, LiveCountChange> context;
    private KeyValueStore<String, EmployeeHistory> histories;
    private KeyValueStore<String, Contribution> contributions;
    private KeyValueStore<String, String> dueDates;
    private KeyValueStore<String, Integer> unexplained;
    /** The marked employees (the store {@link #PENDING_STORE}). */
    private final PendingEmployees pending;
    private final Backlog backlog;

    EmployeeStateProcessor(Supplier<LocalDate> today, Duration dayCheckInterval, Set<String> publicSafety,
                           int releaseThreshold, Backlog backlog) {
        this.today = today;
        this.dayCheckInterval = dayCheckInterval;
        this.placementCells = new PlacementCells(publicSafety);
        this.releaseThreshold = releaseThreshold;
        this.backlog = backlog;
        this.pending = new PendingEmployees(backlog);
    }

    static ProcessorSupplier<String, EmployeeEvent, String, LiveCountChange> supplier(
            Supplier<LocalDate> today, Duration dayCheckInterval, Set<String> publicSafety, int releaseThreshold,
            Backlog backlog) {
        return StoreOwningSupplier.of(() -> new EmployeeStateProcessor(today, dayCheckInterval, publicSafety,
                        releaseThreshold, backlog),
                EmployeeHistories.store(),
                RepresentationTopology.loggedStore(CONTRIBUTIONS_STORE, InternalSerdes.contribution(),
                        RepresentationTopology.ERASING_CHANGELOG),
                RepresentationTopology.loggedStore(DUE_DATES_STORE, Serdes.String(), Map.of()),
                RepresentationTopology.loggedStore(UNEXPLAINED_STORE, Serdes.Integer(), Map.of()),
                RepresentationTopology.loggedStore(PENDING_STORE, Serdes.Long(), Map.of()));
    }

    @Override
    public void init(ProcessorContext<String, LiveCountChange> context) {
        this.context = context;
        this.histories = context.getStateStore(EmployeeHistories.STORE);
        this.contributions = context.getStateStore(CONTRIBUTIONS_STORE);
        this.dueDates = context.getStateStore(DUE_DATES_STORE);
        this.unexplained = context.getStateStore(UNEXPLAINED_STORE);
        pending.init(context.getStateStore(PENDING_STORE), context.taskId());
        backlog.holding(context.taskId(), !pending.isEmpty());
        context.schedule(dayCheckInterval, PunctuationType.WALL_CLOCK_TIME, now -> markDueEmployees());
        context.schedule(PASS_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> pass());
    }

    @Override
    public void process(Record<String, EmployeeEvent> record) {
        String employeeKey = record.key();
        if (employeeKey == null || record.value() == null) {
            return;
        }
        EmployeeHistory updated = EmployeeHistories.record(histories, employeeKey, record.value());
        if (updated == null) {
            return;
        }
        if (record.value().effectiveDate().isAfter(today.get())) {
            dueDates.put(EmployeeHistories.dueKey(record.value().effectiveDate(), employeeKey), "");
        }
        pending.mark(employeeKey, record.timestamp());
    }

    @Override
    public void close() {
        backlog.holding(context.taskId(), false);
    }

    /** Marks the employees with an event taking effect on or before today that was in the future when it arrived. */
    private void markDueEmployees() {
        if (pending.markDue(dueDates, today.get(), context.currentSystemTimeMs())) {
            pass();
        }
    }

    /** Evaluates the marked employees and forwards what they change in the live counts, summed. */
    void pass() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Long>> batch = pending.poll(EMPLOYEES_PER_PASS);
        LocalDate day = today.get();
        ContributionChanges changes = new ContributionChanges(placementCells, releaseThreshold);
        long unexplainedEvents = 0;
        long employeesWithUnexplained = 0;
        long latest = Long.MIN_VALUE;
        for (Map.Entry<String, Long> entry : batch) {
            String employeeKey = entry.getKey();
            EmployeeHistory history = histories.get(employeeKey);
            latest = Math.max(latest, entry.getValue());
            if (history == null) {
                continue;
            }
            EmployeeState state = history.stateAsOf(day);
            Contribution after = Contribution.of(state);
            Contribution before = contributions.get(employeeKey);
            if (!Objects.equals(before, after)) {
                changes.add(employeeKey, before, after);
                if (after == null) {
                    contributions.delete(employeeKey);
                } else {
                    contributions.put(employeeKey, after);
                }
            }
            int unexplainedAfter = state.unexplainedEvents();
            int unexplainedBefore = Objects.requireNonNullElse(unexplained.get(employeeKey), 0);
            if (unexplainedAfter != unexplainedBefore) {
                unexplainedEvents += unexplainedAfter - unexplainedBefore;
                employeesWithUnexplained += (unexplainedAfter > 0 ? 1 : 0) - (unexplainedBefore > 0 ? 1 : 0);
                if (unexplainedAfter == 0) {
                    unexplained.delete(employeeKey);
                } else {
                    unexplained.put(employeeKey, unexplainedAfter);
                }
            }
        }
        // Sent even when nothing changed: the aggregation tells a backlog still being read from one that has
        // settled by these records (a first load's events that change no count, such as competition steps, must
        // not look like the end of it), and tells live changes from a backlog by their timestamp, the newest event's.
        context.forward(new Record<>(CHANGES_KEY,
                new LiveCountChange(changes.cells(), changes.contributors(), unexplainedEvents,
                        employeesWithUnexplained), latest));
        if (pending.isEmpty()) {
            backlog.holding(context.taskId(), false);
        }
    }
}
