package ca.calgary.representation.alerts.core;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.alerts.core.Evaluation.Condition;

/**
 * The rules of SPEC §8 over published figures, with the thresholds from configuration. Each gives a condition
 * (fires, holds between its thresholds, clears, or cannot be measured), a severity from the size of the gap and the
 * strength of the evidence, the figures it looked at, the thresholds and a one-sentence explanation. The rules see
 * only published figures, so no alert can state a suppressed count; the explanation names shares, ratios and the
 * cell's headcount (which is never suppressed), never a group's count. The gap, adverse-impact and decline rules
 * and goal rules apply to the equity groups only, LOW_RESPONSE to TOTAL only (SPEC §8).
 */
public final class AlertRules {

    /**
     * SPEC §8: the groups REPRESENTATION_GAP, ADVERSE_IMPACT and DECLINE apply to: INDIGENOUS and its identities,
     * each race category except WHITE, RACIALIZED and INDIGENOUS_BLACK_RACIALIZED. Never TOTAL, RESPONDED,
     * NOT_DISCLOSED, WHITE_ONLY or MULTIPLE (a fall in non-response, say, is good news).
     */
    public static final Set<String> EQUITY_GROUPS = Set.of("INDIGENOUS", "FIRST_NATIONS", "METIS", "INUIT", "BLACK",
            "EAST_ASIAN", "SOUTH_ASIAN", "SOUTHEAST_ASIAN", "LATIN_AMERICAN", "MIDDLE_EASTERN", "ANOTHER_RACE",
            "RACIALIZED", "INDIGENOUS_BLACK_RACIALIZED");

    /** The scopes WORKING_GROUP_LEADERSHIP looks at, and the group that stands for all the equity groups. */
    static final String WORKING_GROUP_SCOPE = "WORKING_GROUP:";
    static final String LEADERSHIP_GROUP = "INDIGENOUS_BLACK_RACIALIZED";

    private final AlertThresholds t;
    private final Set<String> equityGroups;

    /** @param equityGroups the groups the gap, adverse-impact and decline rules apply to (configuration) */
    public AlertRules(AlertThresholds thresholds, Set<String> equityGroups) {
        this.t = thresholds;
        this.equityGroups = Set.copyOf(equityGroups);
    }

    public AlertRules(AlertThresholds thresholds) {
        this(thresholds, EQUITY_GROUPS);
    }

    public AlertThresholds thresholds() {
        return t;
    }

    /** REPRESENTATION_GAP: index &lt; 0.8 and pUnder &lt; 0.05 and N ≥ k; resolves at index ≥ 0.85 or p ≥ 0.05. */
    public Evaluation representationGap(Signal.Live cell) {
        if (!equityGroups.contains(cell.group())) {
            return Evaluation.notApplicable();
        }
        if (cell.headcount() < t.minCellSize() || cell.representationIndex() == null || cell.pUnder() == null
                || cell.representation() == null || cell.benchmark() == null) {
            return Evaluation.unmeasurable();
        }
        double index = cell.representationIndex();
        double p = cell.pUnder();
        Condition condition = index < t.gapIndex() && p < t.pValue() ? Condition.FIRES
                : index >= t.gapResolveIndex() || p >= t.pValue() ? Condition.CLEARS : Condition.HOLDS;
        Severity severity = index < 0.5 && p < 0.001 ? Severity.HIGH
                : index < 0.65 && p < 0.01 ? Severity.MEDIUM : Severity.LOW;
        Map<String, Double> figures = figures("representation", cell.representation(), "benchmark", cell.benchmark(),
                "representationIndex", index, "pUnder", p, "headcount", (double) cell.headcount());
        String explanation = String.format(Locale.ROOT, "%s representation in %s × %s is %.1f%% against a benchmark of "
                        + "%.1f%% (index %.2f, p = %.4f, headcount %d).", label(cell.group()), cell.scope(), cell.tier(),
                100 * cell.representation(), 100 * cell.benchmark(), index, p, cell.headcount());
        return new Evaluation(condition, severity, figures, thresholds("representationIndexBelow", t.gapIndex(),
                "resolvesAtIndex", t.gapResolveIndex(), "pValueBelow", t.pValue(), "minHeadcount",
                t.minCellSize()), explanation);
    }

    /** LOW_RESPONSE (on the cell's TOTAL row): response rate &lt; 0.6 with N ≥ k; resolves at 0.65. */
    public Evaluation lowResponse(Signal.Live cell) {
        if (!"TOTAL".equals(cell.group())) {
            return Evaluation.notApplicable();
        }
        if (cell.headcount() < t.minCellSize() || cell.responseRate() == null) {
            return Evaluation.unmeasurable();
        }
        double rate = cell.responseRate();
        Condition condition = rate < t.lowResponse() ? Condition.FIRES
                : rate >= t.lowResponseResolve() ? Condition.CLEARS : Condition.HOLDS;
        Severity severity = rate < 0.3 ? Severity.HIGH : rate < 0.45 ? Severity.MEDIUM : Severity.LOW;
        String explanation = String.format(Locale.ROOT, "Only %.1f%% of the %d people in %s × %s have answered the "
                + "self-identification survey, so gaps there cannot be trusted.", 100 * rate, cell.headcount(),
                cell.scope(), cell.tier());
        return new Evaluation(condition, severity, figures("responseRate", rate, "headcount",
                (double) cell.headcount()), thresholds("responseRateBelow", t.lowResponse(), "resolvesAt",
                t.lowResponseResolve(), "minHeadcount", t.minCellSize()), explanation);
    }

    /**
     * ADVERSE_IMPACT of any measure: adverse-impact ratio &lt; 0.8 and one-sided Fisher p &lt; 0.05 with both pools
     * ≥ k; resolves at 0.85 or p ≥ 0.05. For separations the ratio is turned round (the reference's rate over the
     * group's): it fires when the group leaves at least 1.25 times as often.
     */
    public Evaluation adverseImpact(Signal.Comparison cell) {
        if (!equityGroups.contains(cell.group())) {
            return Evaluation.notApplicable();
        }
        if (cell.adverseImpactRatio() == null || cell.fisherP() == null || cell.pool() == null
                || cell.referencePool() == null || cell.pool() < t.minCellSize()
                || cell.referencePool() < t.minCellSize()) {
            return Evaluation.unmeasurable();
        }
        double ratio = cell.adverseImpactRatio();
        double p = cell.fisherP();
        Condition condition = ratio < t.adverseImpactRatio() && p < t.pValue() ? Condition.FIRES
                : ratio >= t.adverseImpactResolveRatio() || p >= t.pValue() ? Condition.CLEARS : Condition.HOLDS;
        Severity severity = ratio < 0.5 && p < 0.001 ? Severity.HIGH
                : ratio < 0.65 && p < 0.01 ? Severity.MEDIUM : Severity.LOW;
        return new Evaluation(condition, severity, figures("adverseImpactRatio", ratio, "fisherP", p, "rate",
                cell.rate(), "pool", (double) cell.pool(), "referencePool", (double) cell.referencePool()),
                thresholds("adverseImpactRatioBelow", t.adverseImpactRatio(), "resolvesAtRatio",
                        t.adverseImpactResolveRatio(), "pValueBelow", t.pValue(), "minPool", t.minCellSize()),
                adverseImpactExplanation(cell, ratio, p));
    }

    private static String adverseImpactExplanation(Signal.Comparison cell, double ratio, double p) {
        String group = label(cell.group());
        String reference = label(cell.referenceGroup());
        String period = period(cell.period());
        String evidence = String.format(Locale.ROOT, " (Fisher p = %.4f).", p);
        return switch (cell.measure()) {
            case PROMOTION -> String.format(Locale.ROOT, "%s employees in %s were promoted into %s at %.2f times the "
                    + "rate of %s employees over %s", group, cell.scope(), cell.tier(), ratio, reference, period);
            case SEPARATION -> String.format(Locale.ROOT, "%s employees left %s × %s %.2f times as often as %s "
                    + "employees over %s", group, cell.scope(), cell.tier(), 1 / ratio, reference, period);
            case COMPETITION_SHORTLISTING -> String.format(Locale.ROOT, "%s applicants to competitions for %s × %s "
                    + "opened over %s were shortlisted at %.2f times the rate of %s applicants", group, cell.scope(),
                    cell.tier(), period, ratio, reference);
            case COMPETITION_SELECTION -> String.format(Locale.ROOT, "%s shortlisted candidates in competitions for "
                    + "%s × %s opened over %s were promoted at %.2f times the rate of %s shortlisted candidates",
                    group, cell.scope(), cell.tier(), period, ratio, reference);
            case COMPETITION_OVERALL -> String.format(Locale.ROOT, "%s applicants to competitions for %s × %s opened "
                    + "over %s were promoted at %.2f times the rate of %s applicants", group, cell.scope(),
                    cell.tier(), period, ratio, reference);
        } + evidence;
    }

    /** {@code R12M-2024-Q1} → the 12 months to the end of 2024-Q1. */
    private static String period(String period) {
        return period.startsWith("R12M-") ? "the 12 months to the end of " + period.substring("R12M-".length())
                : period;
    }

    /** DECLINE: representation fell by ≥ 2 points against four quarters earlier; resolves below 1.5. */
    public Evaluation decline(Signal.Snapshot earlier, Signal.Snapshot later) {
        if (later != null && !equityGroups.contains(later.group())) {
            return Evaluation.notApplicable();
        }
        if (earlier == null || later == null || earlier.representation() == null || later.representation() == null) {
            return Evaluation.unmeasurable();
        }
        double fall = 100 * (earlier.representation() - later.representation());
        Condition condition = fall >= t.declinePoints() ? Condition.FIRES
                : fall < t.declineResolvePoints() ? Condition.CLEARS : Condition.HOLDS;
        Severity severity = fall >= 5 ? Severity.HIGH : fall >= 3.5 ? Severity.MEDIUM : Severity.LOW;
        String explanation = String.format(Locale.ROOT, "%s representation in %s × %s fell from %.1f%% at the end of "
                        + "%s to %.1f%% at the end of %s (%.1f points).", label(later.group()), later.scope(),
                later.tier(), 100 * earlier.representation(), earlier.quarter(), 100 * later.representation(),
                later.quarter(), fall);
        return new Evaluation(condition, severity, figures("representation", later.representation(),
                "representationFourQuartersEarlier", earlier.representation(), "fallPoints", fall),
                thresholds("fallPointsAtLeast", t.declinePoints(), "resolvesBelowPoints", t.declineResolvePoints()),
                explanation);
    }

    /**
     * GOAL_OFF_TRACK (SPEC §11): the projection at current rates misses the goal on its target date by more than
     * {@code goalShortfall} people; resolves at {@code goalShortfallResolve} or fewer. Severity from how far the
     * projected share falls short of the goal's.
     */
    public Evaluation goalOffTrack(Signal.Goal goal) {
        if (!equityGroups.contains(goal.group())) {
            return Evaluation.notApplicable();
        }
        if (goal.projectedShortfall() == null || goal.projectedShare() == null || goal.targetShare() == null) {
            return Evaluation.unmeasurable();
        }
        long shortfall = goal.projectedShortfall();
        double reached = goal.targetShare() == 0 ? 1 : goal.projectedShare() / goal.targetShare();
        Condition condition = shortfall > t.goalShortfall() ? Condition.FIRES
                : shortfall <= t.goalShortfallResolve() ? Condition.CLEARS : Condition.HOLDS;
        Severity severity = reached < 0.5 ? Severity.HIGH : reached < 0.75 ? Severity.MEDIUM : Severity.LOW;
        String explanation = String.format(Locale.ROOT, "At current hiring, promotion and separation rates, %s "
                        + "representation in %s × %s is projected at %.1f%% on %s against a goal of %.1f%%: %d "
                        + "people short.", label(goal.group()), goal.scope(), goal.tier(), 100 * goal.projectedShare(),
                goal.targetDate(), 100 * goal.targetShare(), shortfall);
        return new Evaluation(condition, severity, figures("projectedShortfall", shortfall, "projectedShare",
                goal.projectedShare(), "targetShare", goal.targetShare()), thresholds("shortfallAbovePeople",
                t.goalShortfall(), "resolvesAtOrBelowPeople", t.goalShortfallResolve()), explanation);
    }

    /**
     * WORKING_GROUP_LEADERSHIP (SPEC §8) on a working group's LEADERSHIP × INDIGENOUS_BLACK_RACIALIZED cell: no one
     * of the equity groups (Indigenous, or racialized) holds any of its leadership roles. Read from published figures
     * only, like every rule: SPEC §9 suppresses a zero while 0 &lt; N &lt; k, because a working group's chairs and
     * leads are known by name, and "none of them is Indigenous, Black or racialized" would state each one's
     * self-identification. So it can be evaluated for leaderships of at least k people (which have at least k
     * members), and is unmeasurable for smaller ones. Severity from how unlikely no one is at the benchmark
     * (pUnder = P[X = 0]); without a benchmark, LOW.
     */
    public Evaluation workingGroupLeadership(Signal.Live cell) {
        if (!cell.scope().startsWith(WORKING_GROUP_SCOPE) || !"LEADERSHIP".equals(cell.tier())
                || !LEADERSHIP_GROUP.equals(cell.group())) {
            return Evaluation.notApplicable();
        }
        if (cell.headcount() < t.minCellSize() || cell.representation() == null) {
            return Evaluation.unmeasurable();
        }
        Condition condition = cell.representation() == 0 ? Condition.FIRES : Condition.CLEARS;
        Double p = cell.pUnder();
        Severity severity = p == null ? Severity.LOW
                : p < 0.001 ? Severity.HIGH : p < 0.01 ? Severity.MEDIUM : Severity.LOW;
        String workingGroup = cell.scope().substring(WORKING_GROUP_SCOPE.length());
        String explanation = String.format(Locale.ROOT, "No one who self-identified as Indigenous, Black or "
                + "racialized holds any of the %d leadership roles (chair, co-chair, lead) of working group %s%s.",
                cell.headcount(), workingGroup, cell.benchmark() == null ? ""
                        : String.format(Locale.ROOT, " (%.1f expected at the benchmark of %.1f%%)",
                        cell.benchmark() * cell.headcount(), 100 * cell.benchmark()));
        return new Evaluation(condition, severity, figures("representation", cell.representation(), "headcount",
                (double) cell.headcount(), "benchmark", cell.benchmark(), "pUnder", p),
                thresholds("minLeadership", t.minCellSize()), explanation);
    }

    /** Why an alert closed other than by clearing, in one sentence that states no figure. */
    static String closed(AlertState alert, Resolution resolution) {
        String subject = switch (alert.rule()) {
            case REPRESENTATION_GAP -> label(alert.group()) + " representation in " + alert.scope() + " × "
                    + alert.tier();
            case DECLINE -> "The change in " + label(alert.group()) + " representation in " + alert.scope() + " × "
                    + alert.tier();
            case LOW_RESPONSE -> "The response rate in " + alert.scope() + " × " + alert.tier();
            case ADVERSE_IMPACT -> "The " + measure(alert.measure()) + " of " + label(alert.group())
                    + " employees in " + alert.scope() + " × " + alert.tier();
            case GOAL_OFF_TRACK -> "The projection of the goal for " + label(alert.group()) + " representation in "
                    + alert.scope() + " × " + alert.tier();
            case WORKING_GROUP_LEADERSHIP -> "The leadership of " + alert.scope();
        };
        return switch (resolution) {
            case UNMEASURABLE -> subject + " can no longer be measured from published figures (too few people, a "
                    + "figure withheld as small, no benchmark, or the cell is gone), so the alert is closed; it opens "
                    + "again if published figures show the finding again.";
            case NOT_APPLICABLE -> subject + " is no longer evaluated for this group (the rule applies to the equity "
                    + "groups only), so the alert is closed.";
            case CLEARED -> subject + " no longer meets the rule, so the alert is closed.";
        };
    }

    private static String measure(Measure measure) {
        return switch (measure == null ? Measure.PROMOTION : measure) {
            case PROMOTION -> "promotion rate";
            case SEPARATION -> "separation rate";
            case COMPETITION_SHORTLISTING -> "shortlisting rate in competitions";
            case COMPETITION_SELECTION -> "selection rate from competition shortlists";
            case COMPETITION_OVERALL -> "promotion rate of competition applicants";
        };
    }

    private static Map<String, Double> figures(Object... namesAndValues) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            // a separation ratio turned round where the group left not at all is infinite: no figure to state
            if (namesAndValues[i + 1] != null && Double.isFinite(((Number) namesAndValues[i + 1]).doubleValue())) {
                figures.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
            }
        }
        return figures;
    }

    private static Map<String, Double> thresholds(Object... namesAndValues) {
        return figures(namesAndValues);
    }

    /** A group's name as a reader says it: BLACK → Black, INDIGENOUS_BLACK_RACIALIZED → Indigenous, Black … */
    static String label(String group) {
        if (group == null) {
            return "";
        }
        return switch (group) {
            case "INDIGENOUS_BLACK_RACIALIZED" -> "Indigenous, Black and racialized";
            case "WHITE_ONLY" -> "White";
            case "NOT_DISCLOSED" -> "Not disclosed";
            default -> group.charAt(0) + group.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
