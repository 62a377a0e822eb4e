package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.util.List;

/**
 * The funnel of one group in one promotion competition, or in all competitions of a (scope, tier) opened in a period
 * (SPEC §7): applicants, shortlisted and promoted, and at each stage the selection rate and its comparison with the
 * reference group, so a reader sees at which stage a gap opens. A suppressed count is null and named in
 * {@code suppressed}; figures derived from it are null too.
 *
 * @param competitionId null for a roll-up
 * @param period        the quarter the competition opened in (for a roll-up, the period); null while the
 *                      competition's opening is unknown
 * @param scope         for a roll-up; null for a competition
 * @param tier          for a roll-up; null for a competition
 * @param targetLevel   for a competition: the level of the position it fills (null while its opening is unknown)
 */
public record CompetitionFigures(
        String competitionId, Period period, Scope scope, Tier tier, String targetLevel, Group group,
        Long applicants, Long shortlisted, Long promoted,
        Stage shortlisting, Stage selectionFromShortlist, Stage overall,
        List<String> suppressed) {

    /**
     * One stage of the funnel: its selection rate and the comparison with the reference group, whose base (the
     * candidates its rate is taken of) lets a reader apply the pool rule to both sides.
     */
    public record Stage(BigDecimal rate, Group referenceGroup, Long referenceBase, Double adverseImpactRatio,
                        Double fisherP) {
    }

    public CompetitionFigures {
        suppressed = List.copyOf(suppressed);
    }

    /** {@code competition|<id>|group} for a competition, {@code period|scope|tier|group} for a roll-up. */
    public String id() {
        return competitionId != null ? "competition|" + competitionId + "|" + group.name()
                : period.id() + "|" + scope.id() + "|" + tier.name() + "|" + group.name();
    }
}
