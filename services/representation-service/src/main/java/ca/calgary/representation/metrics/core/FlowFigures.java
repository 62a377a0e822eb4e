package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * The published flow figures of one period, (scope, tier) and group (SPEC §7, §9). A suppressed count is null and
 * named in {@code suppressed}; a figure derived from a withheld count is null too, as is a figure that does not apply
 * (no promotion pool for tier ALL, no comparison of a group with its reference or a group that contains it).
 *
 * @param complete                 the period has ended (its figures change only by restatement)
 * @param mentorshipWindowComplete 24 months have passed since the period's end, so every promotion within 24 months
 *                                 of an enrolment in the period is in
 */
public record FlowFigures(
        Period period, boolean complete, boolean mentorshipWindowComplete, Scope scope, Tier tier, Group group,
        Long headcountAtStart, Long hires,
        Long promotionsInto, Long promotionPool, BigDecimal promotionRate, Group promotionReferenceGroup,
        Long promotionReferencePool, Double promotionAdverseImpactRatio, Double promotionFisherP,
        Long separations, BigDecimal separationRate, Group separationReferenceGroup,
        Long separationReferenceHeadcount, Double separationRateRatio, Double separationFisherP,
        Long headcountBelowManagement, Long activeMentees, BigDecimal participationRate,
        Long menteeEnrolments, Long menteeCompletions,
        Long menteesPromotedWithin24Months, BigDecimal menteePromotionRate24Months,
        Long nonMentees, Long nonMenteesPromotedWithin24Months, BigDecimal nonMenteePromotionRate24Months,
        List<String> suppressed) {

    public FlowFigures {
        suppressed = List.copyOf(suppressed);
    }

    /** {@code period|scope|tier|group}. */
    public String id() {
        return period.id() + "|" + scope.id() + "|" + tier.name() + "|" + group.name();
    }
}
