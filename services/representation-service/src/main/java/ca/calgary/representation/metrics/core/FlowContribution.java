package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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

    /**
     * One count this contribution adds before it is spread over (scope, tier)s: a measure at a placement, and for a
     * promotion the level it was from (which decides the tiers it is into). Many employees share the same counts, so
     * a pass sums these and spreads each distinct one over its cells once.
     */
    public record Count(FlowMeasure measure, Placement placement, Level from) {

        /** The (scope, tier)s this count adds to. */
        public List<CellKey> cells(PlacementCells cells) {
            return switch (measure) {
                case PROMOTION_POOL -> tierCells(cells, tier -> tier.lowestLevel().ordinal()
                        == placement.level().ordinal() + 1);
                case PROMOTIONS_INTO -> tierCells(cells, tier -> tier.includes(placement.level())
                        && !tier.includes(from));
                default -> cells.cells(placement);
            };
        }

        private List<CellKey> tierCells(PlacementCells cells, Predicate<Tier> tiers) {
            List<CellKey> keys = new ArrayList<>();
            for (Scope scope : cells.scopes(placement)) {
                for (Tier tier : Tier.values()) {
                    if (tiers.test(tier)) {
                        keys.add(new CellKey(scope, tier));
                    }
                }
            }
            return keys;
        }
    }

    /** Every count this contribution adds to, each for all of {@link #groups()}, before it is spread over cells. */
    public List<Count> counts() {
        List<Count> counts = new ArrayList<>();
        if (atStart != null) {
            counts.add(new Count(FlowMeasure.HEADCOUNT_AT_START, atStart, null));
            counts.add(new Count(FlowMeasure.PROMOTION_POOL, atStart, null));
            if (nonMentee) {
                counts.add(new Count(FlowMeasure.NON_MENTEES, atStart, null));
                if (nonMenteePromoted) {
                    counts.add(new Count(FlowMeasure.NON_MENTEES_PROMOTED_WITHIN_24_MONTHS, atStart, null));
                }
            }
        }
        if (atEnd != null && belowManagement(atEnd)) {
            counts.add(new Count(FlowMeasure.HEADCOUNT_BELOW_MANAGEMENT_AT_END, atEnd, null));
            if (menteeAtEnd) {
                counts.add(new Count(FlowMeasure.ACTIVE_MENTEES_BELOW_MANAGEMENT_AT_END, atEnd, null));
            }
        }
        hires.forEach(hire -> counts.add(new Count(FlowMeasure.HIRES, hire, null)));
        promotions.forEach(promotion -> counts.add(new Count(FlowMeasure.PROMOTIONS_INTO, promotion.to(),
                promotion.from().level())));
        separations.forEach(from -> counts.add(new Count(FlowMeasure.SEPARATIONS, from, null)));
        for (Enrolment enrolment : enrolments) {
            counts.add(new Count(FlowMeasure.MENTEE_ENROLMENTS, enrolment.placement(), null));
            if (enrolment.promotedWithin24Months()) {
                counts.add(new Count(FlowMeasure.MENTEES_PROMOTED_WITHIN_24_MONTHS, enrolment.placement(), null));
            }
        }
        completions.forEach(placement -> counts.add(new Count(FlowMeasure.MENTEE_COMPLETIONS, placement, null)));
        return counts;
    }

    /** Every count this contribution adds to, spread over its (scope, tier)s, each for all of {@link #groups()}. */
    public List<Increment> increments(PlacementCells cells) {
        List<Increment> increments = new ArrayList<>();
        for (Count count : counts()) {
            for (CellKey key : count.cells(cells)) {
                increments.add(new Increment(key, count.measure()));
            }
        }
        return increments;
    }

    static boolean belowManagement(Placement placement) {
        return placement.level().ordinal() < Level.MANAGER.ordinal();
    }
}
