package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.events.Level;

/**
 * What one employee adds to the flow counts of one period. Every count of the period uses the same groups, those of
 * the employee's self-identification as of the period's last day (or today, for the period in progress), so that a
 * rate's numerator and denominator compare like with like, and a hire who self-identifies a few weeks after starting
 * counts in their groups.
 *
 * @param atStart     placement on the day before the period starts (null: not active)
 * @param atEnd       placement on the period's last day, or today (null: not active)
 * @param menteeAtEnd an active mentee then
 * @param nonMentee   below MANAGEMENT at the start and not enrolled as a mentee by 24 months after it
 * @param nonMenteePromoted promoted within 24 months of the period start (counts only for a non-mentee)
 */
public record FlowContribution(Set<Group> groups, Placement atStart, Placement atEnd, boolean menteeAtEnd,
                               List<Placement> hires, List<Promotion> promotions, List<Placement> separations,
                               List<Enrolment> enrolments, List<Placement> completions, boolean nonMentee,
                               boolean nonMenteePromoted) {

    /** A promotion from one placement to another. */
    public record Promotion(Placement from, Placement to) {
    }

    /** A mentee's enrolment: where they were, and whether they were promoted within 24 months of it. */
    public record Enrolment(Placement placement, boolean promotedWithin24Months) {
    }

    /** One count to add: a measure in a (scope, tier). */
    public record Increment(CellKey key, FlowMeasure measure) {
    }

    public FlowContribution {
        groups = Set.copyOf(groups);
        hires = List.copyOf(hires);
        promotions = List.copyOf(promotions);
        separations = List.copyOf(separations);
        enrolments = List.copyOf(enrolments);
        completions = List.copyOf(completions);
    }

    public boolean isEmpty() {
        return atStart == null && atEnd == null && hires.isEmpty() && promotions.isEmpty() && separations.isEmpty()
                && enrolments.isEmpty() && completions.isEmpty();
    }

    /** The stock contribution on the period's last day: what a quarter-end snapshot counts. */
    public Contribution atEndContribution() {
        return atEnd == null ? null : new Contribution(atEnd, groups, menteeAtEnd);
    }

    /** Every count this contribution adds to, each for all of {@link #groups()}. */
    public List<Increment> increments(PlacementCells cells) {
        List<Increment> increments = new ArrayList<>();
        if (atStart != null) {
            add(increments, cells.cells(atStart), FlowMeasure.HEADCOUNT_AT_START);
            for (Scope scope : cells.scopes(atStart)) {
                for (Tier tier : Tier.values()) {
                    if (tier.lowestLevel().ordinal() == atStart.level().ordinal() + 1) {
                        increments.add(new Increment(new CellKey(scope, tier), FlowMeasure.PROMOTION_POOL));
                    }
                }
            }
            if (nonMentee) {
                add(increments, cells.cells(atStart), FlowMeasure.NON_MENTEES);
                if (nonMenteePromoted) {
                    add(increments, cells.cells(atStart), FlowMeasure.NON_MENTEES_PROMOTED_WITHIN_24_MONTHS);
                }
            }
        }
        if (atEnd != null && belowManagement(atEnd)) {
            add(increments, cells.cells(atEnd), FlowMeasure.HEADCOUNT_BELOW_MANAGEMENT_AT_END);
            if (menteeAtEnd) {
                add(increments, cells.cells(atEnd), FlowMeasure.ACTIVE_MENTEES_BELOW_MANAGEMENT_AT_END);
            }
        }
        hires.forEach(hire -> add(increments, cells.cells(hire), FlowMeasure.HIRES));
        for (Promotion promotion : promotions) {
            for (Scope scope : cells.scopes(promotion.to())) {
                for (Tier tier : Tier.values()) {
                    if (tier.includes(promotion.to().level()) && !tier.includes(promotion.from().level())) {
                        increments.add(new Increment(new CellKey(scope, tier), FlowMeasure.PROMOTIONS_INTO));
                    }
                }
            }
        }
        separations.forEach(from -> add(increments, cells.cells(from), FlowMeasure.SEPARATIONS));
        for (Enrolment enrolment : enrolments) {
            add(increments, cells.cells(enrolment.placement()), FlowMeasure.MENTEE_ENROLMENTS);
            if (enrolment.promotedWithin24Months()) {
                add(increments, cells.cells(enrolment.placement()), FlowMeasure.MENTEES_PROMOTED_WITHIN_24_MONTHS);
            }
        }
        completions.forEach(placement -> add(increments, cells.cells(placement), FlowMeasure.MENTEE_COMPLETIONS));
        return increments;
    }

    static boolean belowManagement(Placement placement) {
        return placement.level().ordinal() < Level.MANAGER.ordinal();
    }

    private static void add(List<Increment> increments, List<CellKey> keys, FlowMeasure measure) {
        keys.forEach(key -> increments.add(new Increment(key, measure)));
    }
}
