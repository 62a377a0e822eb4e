package ca.calgary.representation.alerts.topology;

import java.time.Duration;
import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.core.AlertRules;
import ca.calgary.representation.alerts.core.Signal;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Alerts for equity officers (SPEC §8), evaluated as published figures change.
 *
 * <pre>
 * metrics.representation ──────────┐
 * metrics.flows (complete R12M) ───┤
 * metrics.competitions (R12M) ─────┼→ as signals → [alert-signals] → alert-evaluator ─┬→ alerts.state (compacted)
 * metrics.representation-snapshots ┤   (by cell: scope|tier|group)  alerts, cell-history, ├→ alerts.transitions
 * metrics.goals ───────────────────┘                                 pending-declines        │
 *                       alerts.findings ← finding-aggregator ← [alert-families] ←────────────┘ (alert states)
 *                                         family-alerts,        (by rule|group|measure)
 *                                         published-findings
 * </pre>
 *
 * The rules read published figures only, so an alert never states a suppressed count. A cell removed from
 * metrics.representation (its tombstone) is a signal too: its open alerts close as unmeasurable.
 */
public final class AlertTopology {

    public static final String ALERTS_STORE = "alerts";
    public static final String CELL_HISTORY_STORE = "cell-history";
    public static final String PENDING_DECLINES_STORE = "pending-declines";

    private final AlertTopics topics;
    private final AlertRules rules;
    private final Duration declineSettle;

    /** @param declineSettle how long DECLINE waits for a restatement's snapshots to arrive before comparing them */
    public AlertTopology(AlertTopics topics, AlertRules rules, Duration declineSettle) {
        this.topics = topics;
        this.rules = rules;
        this.declineSettle = declineSettle;
    }

    public void build(StreamsBuilder builder) {
        KStream<String, Signal> live = builder
                .stream(topics.figuresTopic(), Consumed.with(AlertTopics.KEY, topics.figures())
                        .withName("representation-figures-source"))
                .flatMapValues(Signals::live, Named.as("figures-as-signals"));
        KStream<String, Signal> flows = builder
                .stream(topics.flowsTopic(), Consumed.with(AlertTopics.KEY, topics.flows()).withName("flows-source"))
                .flatMapValues(Signals::of, Named.as("flows-as-signals"));
        KStream<String, Signal> competitions = builder
                .stream(topics.competitionsTopic(), Consumed.with(AlertTopics.KEY, topics.competitions())
                        .withName("competitions-source"))
                .flatMapValues(Signals::of, Named.as("competitions-as-signals"));
        KStream<String, Signal> goals = builder
                .stream(topics.goalsTopic(), Consumed.with(AlertTopics.KEY, topics.goals()).withName("goals-source"))
                .flatMapValues(Signals::goal, Named.as("goals-as-signals"));
        KStream<String, Signal> snapshots = builder
                .stream(topics.snapshotsTopic(), Consumed.with(AlertTopics.KEY, topics.snapshots())
                        .withName("snapshots-source"))
                .flatMapValues(Signals::of, Named.as("snapshots-as-signals"));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
                AlertTopics.KEY, topics.alerts()).withLoggingEnabled(Map.of()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CELL_HISTORY_STORE),
                AlertTopics.KEY, AlertSerdes.cellHistory()).withLoggingEnabled(Map.of()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_DECLINES_STORE),
                AlertTopics.KEY, Serdes.String()).withLoggingEnabled(Map.of()));

        Map<String, KStream<String, SpecificRecord>> outputs = live
                .merge(flows, Named.as("merge-flows"))
                .merge(competitions, Named.as("merge-competitions"))
                .merge(snapshots, Named.as("merge-snapshots"))
                .merge(goals, Named.as("merge-goals"))
                .selectKey((key, signal) -> signal.cellId(), Named.as("signal-by-cell"))
                .repartition(Repartitioned.with(AlertTopics.KEY, AlertSerdes.signal()).withName("alert-signals"))
                .process(() -> new AlertEvaluator(rules, declineSettle), Named.as("alert-evaluator"), ALERTS_STORE,
                        CELL_HISTORY_STORE, PENDING_DECLINES_STORE)
                .split(Named.as("alert-output-"))
                .branch((key, value) -> value instanceof Alert, Branched.as("state"))
                .branch((key, value) -> value instanceof AlertTransition, Branched.as("transitions"))
                .noDefaultBranch();
        KStream<String, Alert> states = outputs.get("alert-output-state")
                .mapValues(value -> (Alert) value, Named.as("as-alert"));
        states.to(topics.alertsTopic(), Produced.with(AlertTopics.KEY, topics.alerts()).withName("alerts-sink"));
        states.selectKey((alertId, alert) -> FindingAggregator.family(alert), Named.as("alert-by-family"))
                .repartition(Repartitioned.with(AlertTopics.KEY, topics.alerts()).withName("alert-families"))
                .process(FindingAggregator.supplier(topics.alerts(), topics.findings()),
                        Named.as("finding-aggregator"))
                .to(topics.findingsTopic(), Produced.with(AlertTopics.KEY, topics.findings())
                        .withName("findings-sink"));
        outputs.get("alert-output-transitions")
                .mapValues(value -> (AlertTransition) value, Named.as("as-transition"))
                .to(topics.transitionsTopic(), Produced.with(AlertTopics.KEY, topics.transitions())
                        .withName("transitions-sink"));
    }
}
