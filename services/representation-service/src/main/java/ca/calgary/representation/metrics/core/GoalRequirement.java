package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What it takes to reach a goal (SPEC §11): the people short today, the appointments (hires and promotions into
 * the tier) expected up to the target date at the latest complete rolling-12-month rates, the share of them that
 * would have to go to the group, and whether that share is plausible.
 *
 * <p>The required share comes from the tier as a whole ({@code docs/goals.md}): over the same steps as the
 * projection (quarter ends, then the target date), the group loses its own annual separation rate × the step and
 * everyone else theirs, and the expected appointments of the step arrive, a share {@code r} of them to the group.
 * The group's share on the target date is then a ratio of two functions linear in {@code r}, so {@code r} is solved
 * exactly. Zero when the group reaches the goal with no appointments at all; above 1 when it cannot reach it even
 * with all of them. Plausible when it is at most the share the group holds of where appointments come from: its share
 * of the promotion pool below the tier for the promotions, and its share of the tier's hires for the hires,
 * weighted by how many of each are expected.
 *
 * @param peopleShort                 max(0, round-half-up(target share × headcount) − the group's count) today
 * @param appointmentsExpected        hires and promotions into the tier expected up to the target date
 * @param requiredShareOfAppointments the share of them the group needs (null when none are expected)
 * @param availableShare              the group's share of the pools appointments come from (null when none are
 *                                    expected)
 * @param plausible                   whether the required share is at most the available one (with no appointments
 *                                    expected: whether the goal is reached without them)
 */
public record GoalRequirement(long peopleShort, double appointmentsExpected, Double requiredShareOfAppointments,
                              Double availableShare, boolean plausible) {

    /**
     * A population's figures for one tier over the latest complete rolling 12 months, read from published figures.
     *
     * @param headcountToday   people in the tier today
     * @param headcountAtStart people in the tier on the day before the 12 months began
     * @param separations      separations from the tier in the 12 months
     * @param hiresInto        hires into the tier in the 12 months
     * @param promotionsInto   promotions into the tier from below it in the 12 months
     * @param promotionPool    people at the level just below the tier at the start (none for the lowest tier)
     */
    public record TierFlows(double headcountToday, double headcountAtStart, double separations, double hiresInto,
                            double promotionsInto, double promotionPool) {

        public TierFlows {
            if (headcountToday < 0 || headcountAtStart < 0 || separations < 0 || hiresInto < 0 || promotionsInto < 0
                    || promotionPool < 0) {
                throw new IllegalArgumentException("tier flows are counts, never negative");
            }
        }

        /**
         * Everyone but a part of them. Published figures are released apart (SPEC §9 release rule), so a part's count
         * held at its last release can briefly exceed what is left: taken as 0.
         */
        TierFlows minus(TierFlows part) {
            return new TierFlows(rest(headcountToday, part.headcountToday),
                    rest(headcountAtStart, part.headcountAtStart), rest(separations, part.separations),
                    rest(hiresInto, part.hiresInto), rest(promotionsInto, part.promotionsInto),
                    rest(promotionPool, part.promotionPool));
        }

        private static double rest(double whole, double part) {
            return Math.max(0, whole - part);
        }

        double separationRate() {
            return LevelFlows.rate(separations, headcountAtStart);
        }
    }

    /**
     * @param group       the group's figures in the tier
     * @param everyone    everyone's (TOTAL) figures in the tier
     * @param targetShare the goal's share
     */
    public static GoalRequirement of(TierFlows group, TierFlows everyone, double targetShare, LocalDate today,
                                     LocalDate targetDate) {
        if (targetShare < 0 || targetShare > 1) {
            throw new IllegalArgumentException("a target share is between 0 and 1: " + targetShare);
        }
        TierFlows others = everyone.minus(group);
        long peopleShort = RepresentationCalculator.peopleShort(BigDecimal.valueOf(targetShare)
                .multiply(BigDecimal.valueOf(everyone.headcountToday())), Math.round(group.headcountToday()));
        double appointmentsPerYear = everyone.hiresInto() + everyone.promotionsInto();
        double appointmentsExpected = appointmentsPerYear * ChronoUnit.DAYS.between(today, targetDate) / 365.25;

        // group on the target date = a + r·b, everyone else = c + (1 − r)·d
        double a = group.headcountToday();
        double b = 0;
        double c = others.headcountToday();
        double d = 0;
        List<LocalDate> dates = RepresentationProjection.stepDates(today, targetDate);
        for (double fraction : RepresentationProjection.fractions(today, dates)) {
            double years = fraction / 4;
            double groupStays = Math.max(0, 1 - group.separationRate() * years);
            double othersStay = Math.max(0, 1 - others.separationRate() * years);
            a *= groupStays;
            b = b * groupStays + appointmentsPerYear * years;
            c *= othersStay;
            d = d * othersStay + appointmentsPerYear * years;
        }
        if (appointmentsPerYear == 0) {
            boolean reached = a + c > 0 && a / (a + c) >= targetShare;
            return new GoalRequirement(peopleShort, 0, null, null, reached);
        }
        // a + r·b = T·(a + r·b + c + (1 − r)·d)  ⇔  r·(b·(1 − T) + T·d) = T·(a + c + d) − a
        double required = Math.max(0, (targetShare * (a + c + d) - a) / (b * (1 - targetShare) + targetShare * d));
        double available = (everyone.promotionsInto() * share(group.promotionPool(), everyone.promotionPool())
                + everyone.hiresInto() * share(group.hiresInto(), everyone.hiresInto())) / appointmentsPerYear;
        return new GoalRequirement(peopleShort, appointmentsExpected, required, available, required <= available);
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
