package ca.calgary.representation.alerts.core;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as it stands, keyed by (rule, scope, tier, group) and, for ADVERSE_IMPACT, its measure (SPEC §8).
 *
 * @param measure     what ADVERSE_IMPACT compares; null for the other rules
 * @param resolution  why it was RESOLVED; null while open
 * @param firstSeen   when it last opened
 * @param lastUpdated when its figures last changed
 */
public record AlertState(Rule rule, String scope, String tier, String group, Measure measure, Status status,
                         Resolution resolution, Severity severity,
                         Map<String, Double> figures, Map<String, Double> thresholds, String explanation,
                         Instant firstSeen, Instant lastUpdated) {

    public AlertState {
        figures = Map.copyOf(figures);
        thresholds = Map.copyOf(thresholds);
    }

    /** {@code rule|scope|tier|group}, and {@code |measure} for a measure other than PROMOTION. */
    public String id() {
        return id(rule, measure, scope, tier, group);
    }

    /**
     * Promotion, the measure ADVERSE_IMPACT had before it had measures, adds nothing to the id, so an alert raised
     * before measures keeps its id.
     */
    public static String id(Rule rule, Measure measure, String scope, String tier, String group) {
        String cell = rule.name() + "|" + scope + "|" + tier + "|" + group;
        return measure == null || measure == Measure.PROMOTION ? cell : cell + "|" + measure.name();
    }

    public boolean isOpen() {
        return status != Status.RESOLVED;
    }
}
