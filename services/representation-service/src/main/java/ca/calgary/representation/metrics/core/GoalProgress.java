package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.metrics.core.GoalInputs.PublishedCell;
import ca.calgary.representation.metrics.core.GoalInputs.TwelveMonths;
import ca.calgary.representation.metrics.core.GoalRequirement.TierFlows;

/**
 * One goal's figures (SPEC §11) from its scope's published figures only: today against the goal, what it takes to
 * reach it ({@link GoalRequirement}) and where current flows lead ({@link RepresentationProjection}). A figure whose
 * inputs are suppressed or not published is null, and {@code withheld} says which input is missing and why, so no
 * figure here is more than a function of published aggregates (SPEC §9).
 *
 * <p>The projection needs the figures per level, read as a tier's figure less the next tier's. Where the group's
 * figures of a tier above the goal's are suppressed, the levels from the one below it up are projected as one level
 * (nobody is promoted out of it): the goal's tier is still whole, only its split is unknown. Tiers are released apart
 * (SPEC §9 release rule), so a level's difference can be briefly negative; it is taken as 0.
 *
 * <p>A group's 12-month flow counts are often small enough to be suppressed while its head counts are published.
 * Then the group is taken to move as everyone in the tier does (everyone's counts × the group's share of the tier
 * today), and {@code assumptions} says so: still a function of published figures only.
 *
 * @param targetShare     the goal's share, or the benchmark's where the goal sets none (null: neither)
 * @param headcount       the tier's headcount today (TOTAL's row)
 * @param count           the group's count and its representation as last released (SPEC §9 release rule: the
 *                        share of the headcount at that release)
 * @param flowsPeriod     the rolling 12 months the rates come from (null: none complete is published)
 * @param requirement     null when withheld
 * @param projection      null when withheld
 * @param withheld        why the null figures are null
 * @param assumptions     what the figures assume in place of suppressed counts
 */
public record GoalProgress(Goal goal, LocalDate asOf, Double targetShare, TargetFrom targetShareFrom,
                           String flowsPeriod, Long headcount, Long count, Double representation, Long peopleShort,
                           GoalRequirement requirement, RepresentationProjection.Projection projection,
                           List<String> withheld, List<String> assumptions) {

    /** Where a goal's target share comes from. */
    public enum TargetFrom { GOAL, BENCHMARK, NONE }

    public GoalProgress {
        withheld = List.copyOf(withheld);
        assumptions = List.copyOf(assumptions);
    }

    /** The goal's figures as of {@code today} from its scope's published figures. */
    public static GoalProgress of(Goal goal, GoalInputs inputs, LocalDate today) {
        List<String> withheld = new ArrayList<>();
        Tier tier = goal.tier();
        Group group = goal.group();
        String where = " in " + tier + " of " + goal.scope().id();
        PublishedCell cell = inputs.cell(tier, group);
        PublishedCell total = inputs.cell(tier, Group.TOTAL);

        Double target = null;
        TargetFrom from = TargetFrom.NONE;
        if (goal.targetShare() != null) {
            target = goal.targetShare().doubleValue();
            from = TargetFrom.GOAL;
        } else if (cell != null && cell.benchmark() != null) {
            target = cell.benchmark();
            from = TargetFrom.BENCHMARK;
        } else {
            withheld.add("no target share: the goal sets none and no benchmark applies to " + group + where);
        }
        Long headcount = total == null ? null : total.headcount();
        Long count = cell == null ? null : cell.count();
        if (total == null) {
            withheld.add("no one is" + where + " today");
        } else if (count == null) {
            withheld.add(group + where + " is suppressed today (SPEC §9)");
        }
        Double representation = count == null ? null : cell.representation();
        Long peopleShort = target == null || count == null || headcount == null ? null
                : RepresentationCalculator.peopleShort(
                BigDecimal.valueOf(target).multiply(BigDecimal.valueOf(headcount)), count);

        String period = latestPeriod(inputs);
        if (!goal.targetDate().isAfter(today)) {
            withheld.add("the target date " + goal.targetDate() + " is not after " + today);
        } else if (period == null) {
            withheld.add("no complete rolling 12 months of flows are published for " + goal.scope().id() + " yet");
        }
        if (target == null || count == null || headcount == null || period == null
                || !goal.targetDate().isAfter(today)) {
            return new GoalProgress(goal, today, target, from, period, headcount, count, representation,
                    peopleShort, null, null, withheld, List.of());
        }

        Map<Tier, Published> tiers = new EnumMap<>(Tier.class);
        for (Tier each : Tier.values()) {
            tiers.put(each, Published.of(inputs, each, group, period));
        }
        Set<String> assumptions = new LinkedHashSet<>();
        Published goalTier = tiers.get(tier);
        GoalRequirement requirement = null;
        if (goalTier.missing() != null) {
            withheld.add(goalTier.missing());
        } else {
            requirement = GoalRequirement.of(goalTier.group(), goalTier.everyone(), target, today, goal.targetDate());
            assumed(goalTier, assumptions);
        }
        RepresentationProjection.Projection projection = null;
        Tier firstMissing = null;
        for (Tier each : Tier.values()) {
            if (tiers.get(each).missing() != null) {
                firstMissing = each;
                break;
            }
        }
        if (firstMissing != null && firstMissing.ordinal() <= tier.ordinal()) {
            if (firstMissing != tier) {
                withheld.add("the projection needs the levels below " + tier + ": "
                        + tiers.get(firstMissing).missing());
            }
        } else {
            int top = firstMissing == null ? Tier.values().length - 1 : firstMissing.ordinal() - 1;
            Map<Level, LevelFlows> groupLevels = new EnumMap<>(Level.class);
            Map<Level, LevelFlows> otherLevels = new EnumMap<>(Level.class);
            for (int level = 0; level <= top; level++) {
                Published here = tiers.get(Tier.values()[level]);
                Published above = level == top ? null : tiers.get(Tier.values()[level + 1]);
                Level at = Level.values()[level];
                groupLevels.put(at, levelFlows(here.group(), above == null ? null : above.group()));
                otherLevels.put(at, levelFlows(here.others(), above == null ? null : above.others()));
                assumed(here, assumptions);
            }
            projection = RepresentationProjection.project(groupLevels, otherLevels, tier, target, today,
                    goal.targetDate());
        }
        return new GoalProgress(goal, today, target, from, period, headcount, count, representation, peopleShort,
                requirement, projection, withheld, List.copyOf(assumptions));
    }

    private static void assumed(Published tier, Set<String> assumptions) {
        if (tier.assumed() != null) {
            assumptions.add(tier.assumed());
        }
    }

    /** The period of the organisation's 12 months: the one every goal of the scope reads. */
    private static String latestPeriod(GoalInputs inputs) {
        TwelveMonths all = inputs.twelveMonths(Tier.ALL, Group.TOTAL);
        return all == null ? null : all.period();
    }

    /**
     * A level's flows: its tier's less the tier above (a null {@code above}: the level is the top one projected,
     * which nobody leaves by promotion).
     */
    private static LevelFlows levelFlows(TierFlows tier, TierFlows above) {
        TierFlows level = above == null ? tier : tier.minus(above);
        return new LevelFlows(level.headcountToday(), level.headcountAtStart(), level.separations(),
                above == null ? 0 : above.promotionsInto(), level.hiresInto());
    }

    /**
     * The group's and everyone's figures of one tier, or why they cannot be read from what is published; with what
     * was assumed in place of the group's suppressed flows.
     */
    private record Published(TierFlows group, TierFlows everyone, String missing, String assumed) {

        static final TierFlows NOBODY = new TierFlows(0, 0, 0, 0, 0, 0);

        TierFlows others() {
            return everyone.minus(group);
        }

        static Published of(GoalInputs inputs, Tier tier, Group group, String period) {
            PublishedCell totalCell = inputs.cell(tier, Group.TOTAL);
            PublishedCell groupCell = inputs.cell(tier, group);
            TwelveMonths totalFlows = inputs.twelveMonths(tier, Group.TOTAL);
            TwelveMonths groupFlows = inputs.twelveMonths(tier, group);
            String where = " in " + tier;
            if (totalCell == null && totalFlows == null) {
                return new Published(NOBODY, NOBODY, null, null);
            }
            if (groupCell != null && groupCell.count() == null || totalCell != null && groupCell == null) {
                return missing(group + where + " is suppressed today (SPEC §9)");
            }
            if (totalFlows == null || !period.equals(totalFlows.period())) {
                return missing("the flows" + where + " over " + period + " are not published yet");
            }
            double count = groupCell == null ? 0 : groupCell.count();
            double headcount = totalCell == null ? 0 : totalCell.headcount();
            List<String> suppressed = new ArrayList<>();
            TierFlows everyone = flows(headcount, totalFlows, tier, suppressed);
            if (!suppressed.isEmpty()) {
                return missing(String.join(", ", suppressed) + where + " over " + period + " are not published");
            }
            if (groupFlows != null && period.equals(groupFlows.period())) {
                TierFlows own = flows(count, groupFlows, tier, suppressed);
                if (suppressed.isEmpty()) {
                    return new Published(own, everyone, null, null);
                }
            } else {
                suppressed.add("every count");
            }
            // The group's own 12 months cannot be read: it is taken to move as everyone in the tier does, in
            // proportion to its share of the tier today (published counts only, so nothing suppressed is derived).
            double share = headcount == 0 ? 0 : count / headcount;
            TierFlows asEveryone = new TierFlows(count, everyone.headcountAtStart() * share,
                    everyone.separations() * share, everyone.hiresInto() * share, everyone.promotionsInto() * share,
                    everyone.promotionPool() * share);
            return new Published(asEveryone, everyone, null, "the 12-month flows of " + group + where + " over "
                    + period + " are suppressed (" + String.join(", ", suppressed) + "): the group is taken to join, "
                    + "be promoted and leave as everyone" + where + " does, in proportion to its share of the tier "
                    + "today");
        }

        private static Published missing(String why) {
            return new Published(null, null, why, null);
        }

        /** A tier's flows; nobody is promoted into ALL (there is no level below it), whatever is published. */
        private static TierFlows flows(double today, TwelveMonths months, Tier tier, List<String> suppressed) {
            boolean lowest = tier == Tier.ALL;
            return new TierFlows(today, count(months.headcountAtStart(), "headcountAtStart", suppressed),
                    count(months.separations(), "separations", suppressed),
                    count(months.hires(), "hires", suppressed),
                    lowest ? 0 : count(months.promotionsInto(), "promotionsInto", suppressed),
                    lowest ? 0 : count(months.promotionPool(), "promotionPool", suppressed));
        }

        private static double count(Long published, String name, List<String> suppressed) {
            if (published == null) {
                if (!suppressed.contains(name)) {
                    suppressed.add(name);
                }
                return 0;
            }
            return published;
        }
    }
}
