package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one period's flow counts into the published figures of every (scope, tier, group): hires, promotions into
 * the tier with their pool and rate, separations with their rate, each rate compared with the reference group
 * (adverse-impact ratio, one-sided Fisher exact p), and mentorship participation and promotion within 24 months,
 * mentees against non-mentees (SPEC §7). Every count is protected as SPEC §9 protects head counts: primary
 * suppression against the count's own total, complementary suppression within each (scope, tier), between a unit and
 * its child units, and across tiers where a promotion pool is the difference of two head counts at the start.
 */
public final class FlowCalculator {

    /** A count: one measure of one group in one (scope, tier). */
    record FlowCell(FlowMeasure measure, CellKey key, Group group) {
    }

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
        Map<CellKey, FlowCounts> cells = new TreeMap<>();
        table.forEach((key, counts) -> {
            if (counts.hasAnyone()) {
                cells.put(key, counts);
            }
        });
        Set<FlowCell> suppressed = suppressed(cells);
        boolean complete = today.isAfter(period.end());
        boolean windowComplete = today.isAfter(period.end().plusMonths(EmployeeFlows.PROMOTION_WINDOW_MONTHS));
        List<FlowFigures> figures = new ArrayList<>();
        cells.forEach((key, counts) -> {
            for (Group group : Group.values()) {
                figures.add(figures(period, complete, windowComplete, key, group, counts, suppressed));
            }
        });
        return figures;
    }

    private FlowFigures figures(Period period, boolean complete, boolean windowComplete, CellKey key, Group group,
                                FlowCounts counts, Set<FlowCell> suppressed) {
        Published published = (measure, g) -> suppressed.contains(new FlowCell(measure, key, g)) ? null
                : counts.count(measure, g);
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
        for (FlowMeasure measure : FlowMeasure.values()) {
            if (suppressed.contains(new FlowCell(measure, key, group))) {
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

    Set<FlowCell> suppressed(Map<CellKey, FlowCounts> cells) {
        List<FlowCell> all = new ArrayList<>();
        cells.keySet().forEach(key -> {
            for (FlowMeasure measure : FlowMeasure.values()) {
                for (Group group : Group.values()) {
                    all.add(new FlowCell(measure, key, group));
                }
            }
        });
        List<List<FlowCell>> families = new ArrayList<>();
        for (FlowMeasure measure : FlowMeasure.values()) {
            families.addAll(Suppression.families(cells.keySet(), (key, group) -> new FlowCell(measure, key, group)));
        }
        families.addAll(poolFamilies(cells.keySet()));
        return SmallCountSuppression.suppressed(new SmallCountSuppression.Table<>() {
            @Override
            public Collection<FlowCell> cells() {
                return all;
            }

            @Override
            public long count(FlowCell cell) {
                FlowCounts counts = cells.get(cell.key());
                return counts == null ? 0 : counts.count(cell.measure(), cell.group());
            }

            @Override
            public long whole(FlowCell cell) {
                FlowCounts counts = cells.get(cell.key());
                return counts == null ? 0 : counts.count(cell.measure(), Group.TOTAL);
            }

            @Override
            public boolean alwaysPublished(FlowCell cell) {
                return cell.group() == Group.TOTAL;
            }
        }, families, minCellSize, Set.of());
    }

    /**
     * A tier's promotion pool is the head count at the start one level below it, which is the head count of the tier
     * below minus the tier's own: {start(tier below), pool(tier), start(tier)} add up.
     */
    private static List<List<FlowCell>> poolFamilies(Collection<CellKey> keys) {
        List<List<FlowCell>> families = new ArrayList<>();
        for (CellKey key : keys.stream().sorted().toList()) {
            if (key.tier() == Tier.ALL) {
                continue;
            }
            CellKey below = new CellKey(key.scope(), Tier.values()[key.tier().ordinal() - 1]);
            for (Group group : Group.values()) {
                families.add(List.of(new FlowCell(FlowMeasure.HEADCOUNT_AT_START, below, group),
                        new FlowCell(FlowMeasure.PROMOTION_POOL, key, group),
                        new FlowCell(FlowMeasure.HEADCOUNT_AT_START, key, group)));
            }
        }
        return families;
    }
}
