package ca.calgary.representation.alerts.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.Rule;
import ca.calgary.representation.alerts.core.Severity;
import ca.calgary.representation.alerts.core.Status;

/** Alerts as their Avro records and back. */
public final class AlertRecords {

    private AlertRecords() {
    }

    public static Alert toAvro(AlertState state) {
        return Alert.newBuilder()
                .setAlertId(state.id())
                .setRule(state.rule().name())
                .setScope(state.scope())
                .setTier(state.tier())
                .setGroup(state.group())
                .setStatus(state.status().name())
                .setSeverity(state.severity().name())
                .setFigures(new HashMap<>(state.figures()))
                .setThresholds(new HashMap<>(state.thresholds()))
                .setExplanation(state.explanation())
                .setFirstSeen(state.firstSeen())
                .setLastUpdated(state.lastUpdated())
                .build();
    }

    public static AlertState fromAvro(Alert alert) {
        return alert == null ? null : new AlertState(Rule.valueOf(alert.getRule()), alert.getScope(), alert.getTier(),
                alert.getGroup(), Status.valueOf(alert.getStatus()), Severity.valueOf(alert.getSeverity()),
                strings(alert.getFigures()), strings(alert.getThresholds()), alert.getExplanation(),
                alert.getFirstSeen(), alert.getLastUpdated());
    }

    static AlertTransition transition(Status previous, AlertState state) {
        Instant at = state.lastUpdated();
        return new AlertTransition(state.id() + "@" + at.toEpochMilli(), state.id(),
                previous == null ? null : previous.name(), state.status().name(), at, toAvro(state));
    }

    private static Map<String, Double> strings(Map<? extends CharSequence, Double> values) {
        Map<String, Double> copy = new HashMap<>();
        values.forEach((key, value) -> copy.put(key.toString(), value));
        return copy;
    }
}
