package ca.calgary.representation.alerts.core;

import java.util.Map;

/**
 * What a rule makes of a cell's latest published figures.
 *
 * @param condition  whether the rule fires, clears, holds between its thresholds, cannot be measured (figures
 *                   withheld as small, no benchmark, too few people), or does not apply to the cell's group
 * @param figures    the published figures it looked at (never a suppressed count: it only sees published ones)
 * @param thresholds the thresholds it applied
 */
public record Evaluation(Condition condition, Severity severity, Map<String, Double> figures,
                         Map<String, Double> thresholds, String explanation) {

    public enum Condition { FIRES, HOLDS, CLEARS, UNMEASURABLE, NOT_APPLICABLE }

    public Evaluation {
        figures = Map.copyOf(figures);
        thresholds = Map.copyOf(thresholds);
    }

    public static Evaluation unmeasurable() {
        return new Evaluation(Condition.UNMEASURABLE, null, Map.of(), Map.of(), null);
    }

    /**
     * The rule does not apply to the cell's group (SPEC §8: only the equity groups): it never opens there, and an
     * alert opened before the rule was limited resolves.
     */
    public static Evaluation notApplicable() {
        return new Evaluation(Condition.NOT_APPLICABLE, null, Map.of(), Map.of(), null);
    }
}
