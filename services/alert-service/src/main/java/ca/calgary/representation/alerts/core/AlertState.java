package ca.calgary.representation.alerts.core;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as it stands, keyed by (rule, scope, tier, group) (SPEC §8).
 *
 * @param firstSeen   when it last opened
 * @param lastUpdated when its figures last changed
 */
public record AlertState(Rule rule, String scope, String tier, String group, Status status, Severity severity,
                         Map<String, Double> figures, Map<String, Double> thresholds, String explanation,
                         Instant firstSeen, Instant lastUpdated) {

    public AlertState {
        figures = Map.copyOf(figures);
        thresholds = Map.copyOf(thresholds);
    }

    /** {@code rule|scope|tier|group}. */
    public String id() {
        return id(rule, scope, tier, group);
    }

    public static String id(Rule rule, String scope, String tier, String group) {
        return rule.name() + "|" + scope + "|" + tier + "|" + group;
    }

    public boolean isOpen() {
        return status != Status.RESOLVED;
    }
}
