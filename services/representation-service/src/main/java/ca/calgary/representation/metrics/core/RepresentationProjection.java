package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ca.calgary.representation.events.Level;

/**
 * Where current flows lead (SPEC §11): a tier's representation of a group at each quarter end up to a goal's target
 * date, projected by a flow model over the levels from the latest complete rolling 12 months, with an interval from
 * the rates' sampling uncertainty, and a verdict.
 *
 * <p>The model ({@code docs/goals.md}). Two populations, the group and everyone else, each a count per level,
 * start from today's counts. Each step (a quarter; the first runs from today to the end of its quarter, the last
 * ends on the target date, a step's length in quarters is its fraction {@code f}) moves, per level, the annual
 * separation rate × f of the level out, the annual promotion rate × f up to the next level, and adds the annual hires
 * × f; rates are the population's own per level (people promoted from the top level stay there). Rates and hires stay
 * as they were in the latest 12 months: the projection says where the organisation goes if nothing changes. With
 * constant rates a level with hires {@code h}, inflow {@code u} from below, separation rate {@code s} and promotion
 * rate {@code p} settles at {@code (h + u) / (s + p)}.
 *
 * <p>The interval: each rate is a proportion of the level's people at the start, uncertain as a binomial proportion
 * (drawn from its Jeffreys posterior, Beta(x + ½, n − x + ½)); hires are a count, uncertain as a Poisson rate
 * (Gamma(h + ½)). {@link #DRAWS} sets of rates are drawn (a fixed seed: the same inputs give the same figures), each
 * projected, and the 2.5th and 97.5th percentiles of the share at each date are the 95 % interval. The verdict
 * and the shortfall come from the projection at the observed rates.
 */
public final class RepresentationProjection {

    /** How many sets of rates the interval is drawn from. */
    public static final int DRAWS = 2_000;
    private static final long SEED = 0x5EED_2027L;
    private static final int LEVELS = Level.values().length;

    /** Whether the projection reaches the goal's share on the target date. */
    public enum Verdict { ON_TRACK, OFF_TRACK }

    /**
     * The projection on one date: the group's share of the tier at the observed rates with its 95 % interval, and the
     * people it stands for.
     */
    public record Point(LocalDate date, double share, double low, double high, double groupCount, double headcount) {
    }

    /**
     * @param series             one point per quarter end after today, the last on the target date
     * @param projectedShortfall people the group is projected to be short of the goal on the target date (0 on track)
     */
    public record Projection(List<Point> series, Verdict verdict, long projectedShortfall) {
    }

    private RepresentationProjection() {
    }

    /**
     * @param group       the group's people and flows per level (a level absent: no one)
     * @param others      everyone else's, per level
     * @param tier        the tier whose representation is projected (its levels)
     * @param targetShare the goal's share of the tier
     * @param today       the day the counts are of
     * @param targetDate  the goal's date (after today)
     */
    public static Projection project(Map<Level, LevelFlows> group, Map<Level, LevelFlows> others, Tier tier,
                                     double targetShare, LocalDate today, LocalDate targetDate) {
        List<LocalDate> dates = stepDates(today, targetDate);
        double[] fractions = fractions(today, dates);
        Rates groupRates = Rates.observed(group);
        Rates otherRates = Rates.observed(others);
        double[] groupToday = start(group);
        double[] othersToday = start(others);
        double[][] observed = run(groupRates, otherRates, tier, groupToday, othersToday, fractions);

        double[][] drawnShares = new double[dates.size()][DRAWS];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int draw = 0; draw < DRAWS; draw++) {
            double[][] run = run(Rates.drawn(group, random), Rates.drawn(others, random), tier, groupToday,
                    othersToday, fractions);
            for (int step = 0; step < dates.size(); step++) {
                drawnShares[step][draw] = share(run[step]);
            }
        }
        List<Point> series = new ArrayList<>();
        for (int step = 0; step < dates.size(); step++) {
            double[] shares = drawnShares[step];
            Arrays.sort(shares);
            series.add(new Point(dates.get(step), share(observed[step]), percentile(shares, 0.025),
                    percentile(shares, 0.975), observed[step][0], observed[step][0] + observed[step][1]));
        }
        double[] last = observed[dates.size() - 1];
        long shortfall = RepresentationCalculator.peopleShort(BigDecimal.valueOf(targetShare)
                .multiply(BigDecimal.valueOf(last[0] + last[1])), roundHalfUp(last[0]));
        return new Projection(series, shortfall > 0 ? Verdict.OFF_TRACK : Verdict.ON_TRACK, shortfall);
    }

    /** Every quarter end after today before the target date, then the target date. */
    static List<LocalDate> stepDates(LocalDate today, LocalDate targetDate) {
        if (!targetDate.isAfter(today)) {
            throw new IllegalArgumentException("the target date " + targetDate + " is not after " + today);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate end = Quarter.of(today).end(); end.isBefore(targetDate); end = Quarter.of(end).plus(1).end()) {
            if (end.isAfter(today)) {
                dates.add(end);
            }
        }
        dates.add(targetDate);
        return dates;
    }

    /** Each step's length in quarters (a quarter: a quarter of an average year). */
    static double[] fractions(LocalDate today, List<LocalDate> dates) {
        double[] fractions = new double[dates.size()];
        LocalDate from = today;
        for (int step = 0; step < dates.size(); step++) {
            fractions[step] = ChronoUnit.DAYS.between(from, dates.get(step)) / (365.25 / 4);
            from = dates.get(step);
        }
        return fractions;
    }

    private static double[] start(Map<Level, LevelFlows> population) {
        double[] counts = new double[LEVELS];
        population.forEach((level, flows) -> counts[level.ordinal()] = flows.headcountToday());
        return counts;
    }

    /** The group's and the others' people in the tier after each step: {group, others} per step. */
    private static double[][] run(Rates groupRates, Rates otherRates, Tier tier, double[] group, double[] others,
                                  double[] fractions) {
        double[][] inTier = new double[fractions.length][];
        double[] g = group.clone();
        double[] o = others.clone();
        for (int step = 0; step < fractions.length; step++) {
            g = groupRates.step(g, fractions[step]);
            o = otherRates.step(o, fractions[step]);
            inTier[step] = new double[] {inTier(g, tier), inTier(o, tier)};
        }
        return inTier;
    }

    private static double inTier(double[] counts, Tier tier) {
        double sum = 0;
        for (int level = tier.lowestLevel().ordinal(); level < LEVELS; level++) {
            sum += counts[level];
        }
        return sum;
    }

    private static double share(double[] groupAndOthers) {
        double headcount = groupAndOthers[0] + groupAndOthers[1];
        return headcount <= 0 ? 0 : groupAndOthers[0] / headcount;
    }

    private static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static long roundHalfUp(double value) {
        return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** A population's annual rates per level: separation, promotion to the next level, hires. */
    private record Rates(double[] separation, double[] promotion, double[] hires) {

        static Rates observed(Map<Level, LevelFlows> population) {
            Rates rates = empty();
            population.forEach((level, flows) -> {
                rates.separation[level.ordinal()] = flows.separationRate();
                rates.promotion[level.ordinal()] = flows.promotionRate();
                rates.hires[level.ordinal()] = flows.hires();
            });
            return rates;
        }

        /**
         * Rates drawn from their sampling distributions given what was observed; a level the population has no figures
         * for stays empty (drawing hires for it would invent people).
         */
        static Rates drawn(Map<Level, LevelFlows> population, SplittableRandom random) {
            Rates rates = empty();
            for (Level level : Level.values()) {
                LevelFlows flows = population.get(level);
                if (flows == null) {
                    continue;
                }
                int i = level.ordinal();
                if (flows.headcountAtStart() > 0) {
                    rates.separation[i] = proportion(flows.separations(), flows.headcountAtStart(), random);
                    rates.promotion[i] = proportion(flows.promotionsUp(), flows.headcountAtStart(), random);
                }
                rates.hires[i] = Sampling.gamma(flows.hires() + 0.5, random);
            }
            return rates;
        }

        private static double proportion(double events, double people, SplittableRandom random) {
            // more events than people at the start (people hired meanwhile left too): a rate above 1 stays so
            double scale = Math.max(1, events / people);
            double successes = Math.min(events, people);
            return scale * Sampling.beta(successes + 0.5, people - successes + 0.5, random);
        }

        private static Rates empty() {
            return new Rates(new double[LEVELS], new double[LEVELS], new double[LEVELS]);
        }

        /** The counts per level after a step of {@code fraction} quarters. */
        double[] step(double[] counts, double fraction) {
            double[] next = new double[LEVELS];
            double quarterOfYear = fraction / 4;
            for (int level = 0; level < LEVELS; level++) {
                boolean top = level == LEVELS - 1;
                double leaving = Math.min(1, (separation[level] + (top ? 0 : promotion[level])) * quarterOfYear);
                double promoted = top ? 0 : Math.min(promotion[level] * quarterOfYear, leaving);
                next[level] += counts[level] * (1 - leaving) + hires[level] * quarterOfYear;
                if (!top) {
                    next[level + 1] += counts[level] * promoted;
                }
            }
            return next;
        }
    }
}
