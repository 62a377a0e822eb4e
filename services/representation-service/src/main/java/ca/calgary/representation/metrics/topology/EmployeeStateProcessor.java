package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.EmployeeState;
import ca.calgary.representation.metrics.topology.InternalSerdes.ContributionChange;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps each employee's history (SPEC §4) and, whenever what the employee contributes to the live counts changes,
 * forwards a {@link ContributionChange}: on an event (a duplicate eventId changes nothing), and on the day a
 * future-dated event takes effect, with no new input (a wall-clock check finds the employees due that day). Only the
 * live figures wait for this processor; the flow application keeps its own histories ({@link EmployeeFlowsProcessor}).
 */
final class EmployeeStateProcessor implements Processor<String, EmployeeEvent, String, ContributionChange> {

    /** What each employee counts in now (their cells and groups), to tell the change an event makes. */
    static final String CONTRIBUTIONS_STORE = "employee-contributions";
    /** The employees with future-dated events, by the day the next one takes effect. */
    static final String DUE_DATES_STORE = "employee-due-dates";
    /** How many of each employee's events cannot apply yet (a step before the hire), for data quality. */
    static final String UNEXPLAINED_STORE = "employee-unexplained-events";

    private final Supplier<LocalDate> today;
    private final Duration dayCheckInterval;
    private ProcessorContext<String, ContributionChange> context;
    private KeyValueStore<String, EmployeeHistory> histories;
    private KeyValueStore<String, Contribution> contributions;
    private KeyValueStore<String, String> dueDates;
    private KeyValueStore<String, Integer> unexplained;

    EmployeeStateProcessor(Supplier<LocalDate> today, Duration dayCheckInterval) {
        this.today = today;
        this.dayCheckInterval = dayCheckInterval;
    }

    static ProcessorSupplier<String, EmployeeEvent, String, ContributionChange> supplier(Supplier<LocalDate> today,
                                                                                     Duration dayCheckInterval) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, EmployeeEvent, String, ContributionChange> get() {
                return new EmployeeStateProcessor(today, dayCheckInterval);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(EmployeeHistories.store(),
                        RepresentationTopology.loggedStore(CONTRIBUTIONS_STORE, InternalSerdes.contribution(),
                                RepresentationTopology.ERASING_CHANGELOG),
                        RepresentationTopology.loggedStore(DUE_DATES_STORE, Serdes.String(), Map.of()),
                        RepresentationTopology.loggedStore(UNEXPLAINED_STORE, Serdes.Integer(), Map.of()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, ContributionChange> context) {
        this.context = context;
        this.histories = context.getStateStore(EmployeeHistories.STORE);
        this.contributions = context.getStateStore(CONTRIBUTIONS_STORE);
        this.dueDates = context.getStateStore(DUE_DATES_STORE);
        this.unexplained = context.getStateStore(UNEXPLAINED_STORE);
        context.schedule(dayCheckInterval, PunctuationType.WALL_CLOCK_TIME, now -> applyDueEvents());
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
        LocalDate day = today.get();
        if (record.value().effectiveDate().isAfter(day)) {
            dueDates.put(EmployeeHistories.dueKey(record.value().effectiveDate(), employeeKey), "");
        }
        reevaluate(employeeKey, updated, day, record.timestamp());
    }

    /** Employees with an event taking effect on or before today that was in the future when it arrived. */
    private void applyDueEvents() {
        LocalDate day = today.get();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = dueDates.range("", EmployeeHistories.dueKey(day, "\uffff"))) {
            entries.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            String employeeKey = entry.key.substring(entry.key.indexOf('|') + 1);
            EmployeeHistory history = histories.get(employeeKey);
            if (history != null) {
                reevaluate(employeeKey, history, day, context.currentSystemTimeMs());
            }
            dueDates.delete(entry.key);
        }
    }

    private void reevaluate(String employeeKey, EmployeeHistory history, LocalDate day, long timestamp) {
        EmployeeState state = history.stateAsOf(day);
        Contribution after = Contribution.of(state);
        Contribution before = contributions.get(employeeKey);
        int unexplainedAfter = state.unexplainedEvents();
        int unexplainedBefore = Objects.requireNonNullElse(unexplained.get(employeeKey), 0);
        if (Objects.equals(before, after) && unexplainedBefore == unexplainedAfter) {
            return;
        }
        if (after == null) {
            contributions.delete(employeeKey);
        } else {
            contributions.put(employeeKey, after);
        }
        if (unexplainedAfter == 0) {
            unexplained.delete(employeeKey);
        } else {
            unexplained.put(employeeKey, unexplainedAfter);
        }
        // Keyed by employee: the aggregation topic has one partition, and the aggregator keeps each employee's part.
        context.forward(new Record<>(employeeKey,
                new ContributionChange(before, after, unexplainedBefore, unexplainedAfter), timestamp));
    }
}
