package ca.calgary.representation.alerts.core;

import java.time.Instant;
import java.util.Map;

/**
 * Moves an alert through OPEN → UPDATED → RESOLVED as its rule's evaluation changes (SPEC §8). Hysteresis comes from
 * the rules: an open alert stays open while its figures lie between the opening and the resolving thresholds. A
 * transition happens when an alert opens, when an open alert's severity changes (UPDATED), and when it resolves;
 * other changes of its figures refresh the alert without a transition, so subscribers hear of what matters only.
 * An open alert whose cell can no longer be measured from published figures (withheld as small, too few people, no
 * benchmark, gone) resolves as UNMEASURABLE without figures: the last ones are no longer true, and an alert must
 * never state them as if they were. It opens again only when the rule fires again.
 */
public final class AlertLifecycle {

    /**
     * @param state      the alert after the evaluation (null: there is none, and none is needed)
     * @param transition the status it moved to, or null when it did not move
     */
    public record Outcome(AlertState state, Status transition, boolean changed) {
    }

    private AlertLifecycle() {
    }

    public static Outcome next(AlertState current, Rule rule, Signal cell, Evaluation evaluation, Instant now) {
        Measure measure = cell.measure();
        boolean open = current != null && current.isOpen();
        switch (evaluation.condition()) {
            case FIRES:
                if (!open) {
                    return new Outcome(state(rule, measure, cell, Status.OPEN, evaluation, now, now),
                            Status.OPEN, true);
                }
                return refresh(current, rule, measure, cell, evaluation, now);
            case HOLDS:
                return open ? refresh(current, rule, measure, cell, evaluation, now)
                        : new Outcome(current, null, false);
            case CLEARS:
                return open ? resolve(current, Resolution.CLEARED, evaluation, now) : new Outcome(current, null, false);
            case UNMEASURABLE:
                return open ? resolve(current, Resolution.UNMEASURABLE, evaluation, now)
                        : new Outcome(current, null, false);
            case NOT_APPLICABLE:
                return open ? resolve(current, Resolution.NOT_APPLICABLE, evaluation, now)
                        : new Outcome(current, null, false);
            default:
                throw new IllegalStateException("unhandled " + evaluation.condition());
        }
    }

    private static Outcome refresh(AlertState current, Rule rule, Measure measure, Signal cell, Evaluation evaluation,
                                   Instant now) {
        if (current.severity() != evaluation.severity()) {
            return new Outcome(state(rule, measure, cell, Status.UPDATED, evaluation, current.firstSeen(), now),
                    Status.UPDATED, true);
        }
        if (current.figures().equals(evaluation.figures())) {
            return new Outcome(current, null, false);
        }
        return new Outcome(state(rule, measure, cell, current.status(), evaluation, current.firstSeen(), now),
                null, true);
    }

    /**
     * Cleared, the alert states the figures that cleared it; closed for any other reason, it states none and says
     * why. It keeps the severity it had when it was open.
     */
    private static Outcome resolve(AlertState current, Resolution resolution, Evaluation evaluation, Instant now) {
        boolean cleared = resolution == Resolution.CLEARED && evaluation.explanation() != null;
        AlertState resolved = new AlertState(current.rule(), current.scope(), current.tier(), current.group(),
                current.measure(), Status.RESOLVED, resolution,
                evaluation.severity() != null ? evaluation.severity() : current.severity(),
                cleared ? evaluation.figures() : Map.of(),
                cleared ? evaluation.thresholds() : current.thresholds(),
                cleared ? evaluation.explanation() : AlertRules.closed(current, resolution), current.firstSeen(), now);
        return new Outcome(resolved, Status.RESOLVED, true);
    }

    private static AlertState state(Rule rule, Measure measure, Signal cell, Status status, Evaluation evaluation,
                                    Instant firstSeen, Instant now) {
        return new AlertState(rule, cell.scope(), cell.tier(), cell.group(), measure, status, null,
                evaluation.severity(), evaluation.figures(), evaluation.thresholds(), evaluation.explanation(),
                firstSeen, now);
    }
}
