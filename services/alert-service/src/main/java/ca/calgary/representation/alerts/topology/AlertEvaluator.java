package ca.calgary.representation.alerts.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.core.AlertLifecycle;
import ca.calgary.representation.alerts.core.AlertRules;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.CellHistory;
import ca.calgary.representation.alerts.core.Evaluation;
import ca.calgary.representation.alerts.core.Measure;
import ca.calgary.representation.alerts.core.Rule;
import ca.calgary.representation.alerts.core.Signal;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Evaluates the rules of a cell whenever one of its published figures changes, and moves its alerts through their
 * lifecycle: forwards an alert's new state (for {@code alerts.state}) whenever it changes, and a transition (for
 * {@code alerts.transitions}) when it opens, changes severity or resolves. Signals arrive keyed by cell, so all the
 * alerts of a cell live in one task.
 */
final class AlertEvaluator implements Processor<String, Signal, String, SpecificRecord> {

    private final AlertRules rules;
    private final Duration settle;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Alert> alerts;
    private KeyValueStore<String, CellHistory> histories;
    private KeyValueStore<String, String> pendingDeclines;

    /**
     * @param settle how long after a cell's quarter-end snapshots changed DECLINE is evaluated: a restatement
     *               republishes several quarters one record at a time, and comparing a new quarter with a not yet
     *               restated one would raise (and then resolve) an alert that was never true
     */
    AlertEvaluator(AlertRules rules, Duration settle) {
        this.rules = rules;
        this.settle = settle;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.alerts = context.getStateStore(AlertTopology.ALERTS_STORE);
        this.histories = context.getStateStore(AlertTopology.CELL_HISTORY_STORE);
        this.pendingDeclines = context.getStateStore(AlertTopology.PENDING_DECLINES_STORE);
        context.schedule(settle, PunctuationType.WALL_CLOCK_TIME, now -> evaluateDeclines());
    }

    @Override
    public void process(Record<String, Signal> record) {
        Signal signal = record.value();
        if (signal == null) {
            return;
        }
        if (signal instanceof Signal.Live live) {
            apply(Rule.REPRESENTATION_GAP, live, rules.representationGap(live));
            apply(Rule.LOW_RESPONSE, live, rules.lowResponse(live));
            apply(Rule.WORKING_GROUP_LEADERSHIP, live, rules.workingGroupLeadership(live));
        } else if (signal instanceof Signal.Comparison comparison) {
            Measure.Source source = comparison.measure().source();
            CellHistory history = history(signal);
            if (history.isLatest(source, comparison.period())) {
                histories.put(signal.cellId(), history.withRollingPeriod(source, comparison.period()));
                apply(Rule.ADVERSE_IMPACT, comparison, rules.adverseImpact(comparison));
            }
        } else if (signal instanceof Signal.Goal goal) {
            apply(Rule.GOAL_OFF_TRACK, goal, rules.goalOffTrack(goal));
        } else if (signal instanceof Signal.Snapshot snapshot) {
            histories.put(signal.cellId(), history(signal).withQuarter(snapshot.quarter(), snapshot.representation()));
            pendingDeclines.put(signal.cellId(), "");
        }
    }

    /** DECLINE for every cell whose snapshots changed since the last evaluation. */
    private void evaluateDeclines() {
        List<String> cells = new ArrayList<>();
        try (KeyValueIterator<String, String> pending = pendingDeclines.all()) {
            pending.forEachRemaining(entry -> cells.add(entry.key));
        }
        for (String cellId : cells) {
            pendingDeclines.delete(cellId);
            int groupBar = cellId.lastIndexOf('|');
            int tierBar = cellId.lastIndexOf('|', groupBar - 1);
            Signal.Snapshot cell = new Signal.Snapshot(cellId.substring(0, tierBar),
                    cellId.substring(tierBar + 1, groupBar), cellId.substring(groupBar + 1), null, null);
            Signal.Snapshot[] compared = Objects.requireNonNullElse(histories.get(cellId), CellHistory.EMPTY)
                    .latestAndYearBefore(cell.scope(), cell.tier(), cell.group());
            apply(Rule.DECLINE, cell, compared == null ? Evaluation.unmeasurable()
                    : rules.decline(compared[0], compared[1]));
        }
    }

    private CellHistory history(Signal signal) {
        return Objects.requireNonNullElse(histories.get(signal.cellId()), CellHistory.EMPTY);
    }

    private void apply(Rule rule, Signal cell, Evaluation evaluation) {
        String id = AlertState.id(rule, cell.measure(), cell.scope(), cell.tier(), cell.group());
        AlertState current = AlertRecords.fromAvro(alerts.get(id));
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        AlertLifecycle.Outcome outcome = AlertLifecycle.next(current, rule, cell, evaluation, now);
        if (!outcome.changed()) {
            return;
        }
        Alert alert = AlertRecords.toAvro(outcome.state());
        alerts.put(id, alert);
        long timestamp = now.toEpochMilli();
        context.forward(new Record<>(id, alert, timestamp));
        if (outcome.transition() != null) {
            context.forward(new Record<>(id, AlertRecords.transition(current == null ? null : current.status(),
                    outcome.state()), timestamp));
        }
    }
}
