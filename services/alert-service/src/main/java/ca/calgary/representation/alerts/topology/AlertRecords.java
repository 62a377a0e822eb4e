package ca.calgary.representation.alerts.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.Findings;
import ca.calgary.representation.alerts.core.Measure;
import ca.calgary.representation.alerts.core.Resolution;
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
                .setMeasure(state.measure() == null ? null : state.measure().name())
                .setStatus(state.status().name())
                .setResolution(state.resolution() == null ? null : state.resolution().name())
                .setSeverity(state.severity().name())
                .setFigures(new HashMap<>(state.figures()))
                .setThresholds(new HashMap<>(state.thresholds()))
                .setExplanation(state.explanation())
                .setFirstSeen(state.firstSeen())
                .setLastUpdated(state.lastUpdated())
                .build();
    }

    public static AlertState fromAvro(Alert alert) {
        if (alert == null) {
            return null;
        }
        Rule rule = Rule.valueOf(alert.getRule());
        Status status = Status.valueOf(alert.getStatus());
        // written before measures and resolutions: ADVERSE_IMPACT compared promotions, and every resolution cleared
        Measure measure = alert.getMeasure() != null ? Measure.valueOf(alert.getMeasure())
                : rule == Rule.ADVERSE_IMPACT ? Measure.PROMOTION : null;
        Resolution resolution = alert.getResolution() != null ? Resolution.valueOf(alert.getResolution())
                : status == Status.RESOLVED ? Resolution.CLEARED : null;
        return new AlertState(rule, alert.getScope(), alert.getTier(), alert.getGroup(), measure, status, resolution,
                Severity.valueOf(alert.getSeverity()),
                strings(alert.getFigures()), strings(alert.getThresholds()), alert.getExplanation(),
                alert.getFirstSeen(), alert.getLastUpdated());
    }

    /** A finding as its Avro record, its head and cells as the records they were read from. */
    public static Finding toAvro(Findings.Finding finding, Map<String, Alert> records) {
        AlertState head = finding.head();
        return Finding.newBuilder()
                .setFindingId(finding.id())
                .setRule(head.rule().name())
                .setMeasure(head.measure() == null ? null : head.measure().name())
                .setGroup(head.group())
                .setScope(head.scope())
                .setTier(head.tier())
                .setStatus(head.status().name())
                .setSeverity(finding.severity().name())
                .setPriority(finding.priority())
                .setExplanation(finding.explanation())
                .setHead(records.get(head.id()))
                .setCells(finding.beneath().stream().map(cell -> records.get(cell.id())).toList())
                .build();
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
