package ca.calgary.representation.alerts.core;

import java.time.Instant;

/**
 * Moves an alert through OPEN → UPDATED → RESOLVED as its rule's evaluation changes (SPEC §8). Hysteresis comes from
 * the rules: an open alert stays open while its figures lie between the opening and the resolving thresholds. A
 * transition happens when an alert opens, when an open alert's severity changes (UPDATED), and when it resolves;
 * other changes of its figures refresh the alert without a transition, so subscribers hear of what matters only.
 * A cell whose figures cannot be measured any more (withheld as small, benchmark removed) leaves the alert as it is.
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
        boolean open = current != null && current.isOpen();
        switch (evaluation.condition()) {
            case UNMEASURABLE:
                return new Outcome(current, null, false);
            case FIRES:
                if (!open) {
                    return new Outcome(state(rule, cell, Status.OPEN, evaluation, now, now), Status.OPEN, true);
                }
                return refresh(current, rule, cell, evaluation, now);
            case HOLDS:
                return open ? refresh(current, rule, cell, evaluation, now) : new Outcome(current, null, false);
            case CLEARS:
                if (!open) {
                    return new Outcome(current, null, false);
                }
                return new Outcome(state(rule, cell, Status.RESOLVED, evaluation, current.firstSeen(), now),
                        Status.RESOLVED, true);
            default:
                throw new IllegalStateException("unhandled " + evaluation.condition());
        }
    }

    private static Outcome refresh(AlertState current, Rule rule, Signal cell, Evaluation evaluation, Instant now) {
        if (current.severity() != evaluation.severity()) {
            return new Outcome(state(rule, cell, Status.UPDATED, evaluation, current.firstSeen(), now),
                    Status.UPDATED, true);
        }
        if (current.figures().equals(evaluation.figures())) {
            return new Outcome(current, null, false);
        }
        return new Outcome(state(rule, cell, current.status(), evaluation, current.firstSeen(), now), null, true);
    }

    private static AlertState state(Rule rule, Signal cell, Status status, Evaluation evaluation, Instant firstSeen,
                                    Instant now) {
        return new AlertState(rule, cell.scope(), cell.tier(), cell.group(), status, evaluation.severity(),
                evaluation.figures(), evaluation.thresholds(), evaluation.explanation(), firstSeen, now);
    }
}
