package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Turns one period's flow counts into the published figures of every (scope, tier, group): hires, promotions into
 * the tier with their pool and rate, separations with their rate, each rate compared with the reference group
 * (adverse-impact ratio, one-sided Fisher exact p), and mentorship participation and promotion within 24 months,
 * mentees against non-mentees (SPEC §7). Every count is protected as SPEC §9 protects head counts: primary
 * suppression against the count's own total, complementary suppression within each (scope, tier), between a unit and
 * its child units, and across tiers where a promotion pool is the difference of two head counts at the start.
 */
public final class FlowCalculator {

    private static final FlowMeasure[] MEASURES = FlowMeasure.values();

    private final int minCellSize;
    private final ReferenceGroup reference;

    public FlowCalculator(int minCellSize, ReferenceGroup reference) {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("privacy.min-cell-size must be at least 1");
        }
        this.minCellSize = minCellSize;
        this.reference = reference;
    }

    /** Figures of every (scope, tier) with anyone in any measure, every group, in publication order. */
    public List<FlowFigures> figures(Period period, Map<CellKey, FlowCounts> table, LocalDate today) {
        List<CellKey> keys = table.keySet().stream().filter(key -> table.get(key).hasAnyone()).sorted().toList();
        CountNumbering numbering = new CountNumbering(keys.size(), MEASURES.length);
        BitSet suppressed = suppressed(keys, table, numbering);
        boolean complete = today.isAfter(period.end());
        boolean windowComplete = today.isAfter(period.end().plusMonths(EmployeeFlows.PROMOTION_WINDOW_MONTHS));
        List<FlowFigures> figures = new ArrayList<>(keys.size() * Group.values().length);
        for (int row = 0; row < keys.size(); row++) {
            int r = row;
            CellKey key = keys.get(row);
            for (Group group : Group.values()) {
                figures.add(figures(period, complete, windowComplete, key, group, table.get(key),
                        (measure, g) -> suppressed.get(numbering.of(r, measure.ordinal(), g))));
            }
        }
        return figures;
    }

    /** Whether a count of the (scope, tier) is withheld. */
    private interface Withheld {
        boolean test(FlowMeasure measure, Group group);
    }

    private FlowFigures figures(Period period, boolean complete, boolean windowComplete, CellKey key, Group group,
                                FlowCounts counts, Withheld suppressed) {
        Published published = (measure, g) -> suppressed.test(measure, g) ? null : counts.count(measure, g);
        boolean hasPool = key.tier() != Tier.ALL;
        RateComparison.Counts promotions = new RateComparison.Counts(published.of(FlowMeasure.PROMOTIONS_INTO, group),
                published.of(FlowMeasure.PROMOTION_POOL, group));
        RateComparison.Result promotionComparison = hasPool ? RateComparison.compare(group,
                g -> new RateComparison.Counts(published.of(FlowMeasure.PROMOTIONS_INTO, g),
                        published.of(FlowMeasure.PROMOTION_POOL, g)), reference, true) : RateComparison.Result.NONE;
        RateComparison.Counts separations = new RateComparison.Counts(published.of(FlowMeasure.SEPARATIONS, group),
                published.of(FlowMeasure.HEADCOUNT_AT_START, group));
        RateComparison.Result separationComparison = RateComparison.compare(group,
                g -> new RateComparison.Counts(published.of(FlowMeasure.SEPARATIONS, g),
                        published.of(FlowMeasure.HEADCOUNT_AT_START, g)), reference, false);
        Long menteesPromoted = published.of(FlowMeasure.MENTEES_PROMOTED_WITHIN_24_MONTHS, group);
        Long enrolments = published.of(FlowMeasure.MENTEE_ENROLMENTS, group);
        Long nonMentees = published.of(FlowMeasure.NON_MENTEES, group);
        Long nonMenteesPromoted = published.of(FlowMeasure.NON_MENTEES_PROMOTED_WITHIN_24_MONTHS, group);
        Long belowManagement = published.of(FlowMeasure.HEADCOUNT_BELOW_MANAGEMENT_AT_END, group);
        Long activeMentees = published.of(FlowMeasure.ACTIVE_MENTEES_BELOW_MANAGEMENT_AT_END, group);
        List<String> withheld = new ArrayList<>();
        for (FlowMeasure measure : MEASURES) {
            if (suppressed.test(measure, group)) {
                withheld.add(measure.name());
            }
        }
        return new FlowFigures(period, complete, windowComplete, key.scope(), key.tier(), group,
                published.of(FlowMeasure.HEADCOUNT_AT_START, group), published.of(FlowMeasure.HIRES, group),
                hasPool ? promotions.successes() : null, hasPool ? promotions.base() : null,
                hasPool ? RateComparison.rate(promotions) : null, promotionComparison.reference(),
                promotionComparison.referenceBase(), promotionComparison.ratio(), promotionComparison.fisherP(),
                separations.successes(), RateComparison.rate(separations), separationComparison.reference(),
                separationComparison.referenceBase(), separationComparison.ratio(), separationComparison.fisherP(),
                belowManagement, activeMentees,
                RateComparison.rate(new RateComparison.Counts(activeMentees, belowManagement)),
                enrolments, published.of(FlowMeasure.MENTEE_COMPLETIONS, group),
                menteesPromoted, RateComparison.rate(new RateComparison.Counts(menteesPromoted, enrolments)),
                nonMentees, nonMenteesPromoted,
                RateComparison.rate(new RateComparison.Counts(nonMenteesPromoted, nonMentees)), withheld);
    }

    private interface Published {
        Long of(FlowMeasure measure, Group group);
    }

    /** The suppressed counts of the (scope, tier)s given in key order, numbered by {@code numbering}. */
    private BitSet suppressed(List<CellKey> keys, Map<CellKey, FlowCounts> table, CountNumbering numbering) {
        Map<CellKey, Integer> rows = CountNumbering.rows(keys);
        FlowCounts[] counts = keys.stream().map(table::get).toArray(FlowCounts[]::new);
        // every measure has the head counts' families; they are found once and repeated per measure
        CountNumbering byGroup = new CountNumbering(keys.size(), 1);
        List<int[]> groupFamilies = Suppression.families(keys, (key, group) -> byGroup.of(rows.get(key), 0, group));
        List<int[]> families = new ArrayList<>(groupFamilies.size() * MEASURES.length);
        for (FlowMeasure measure : MEASURES) {
            for (int[] family : groupFamilies) {
                int[] members = new int[family.length];
                for (int m = 0; m < family.length; m++) {
                    members[m] = numbering.of(byGroup.row(family[m]), measure.ordinal(), byGroup.group(family[m]));
                }
                families.add(members);
            }
        }
        families.addAll(poolFamilies(keys, rows, numbering));
        return SmallCountSuppression.suppressed(numbering.table(
                (row, measure, group) -> counts[row].count(MEASURES[measure], group),
                (row, measure, group) -> counts[row].count(MEASURES[measure], Group.TOTAL), true),
                families, minCellSize, new BitSet());
    }

    /**
     * A tier's promotion pool is the head count at the start one level below it, which is the head count of the tier
     * below minus the tier's own: {start(tier below), pool(tier), start(tier)} add up.
     */
    private static List<int[]> poolFamilies(List<CellKey> keys, Map<CellKey, Integer> rows,
                                            CountNumbering numbering) {
        List<int[]> families = new ArrayList<>();
        int start = FlowMeasure.HEADCOUNT_AT_START.ordinal();
        int pool = FlowMeasure.PROMOTION_POOL.ordinal();
        for (int row = 0; row < keys.size(); row++) {
            CellKey key = keys.get(row);
            if (key.tier() == Tier.ALL) {
                continue;
            }
            Integer below = rows.get(new CellKey(key.scope(), Tier.values()[key.tier().ordinal() - 1]));
            for (Group group : Group.values()) {
                families.add(below == null
                        ? new int[] {numbering.of(row, pool, group), numbering.of(row, start, group)}
                        : new int[] {numbering.of(below, start, group), numbering.of(row, pool, group),
                                numbering.of(row, start, group)});
            }
        }
        return families;
    }
}
