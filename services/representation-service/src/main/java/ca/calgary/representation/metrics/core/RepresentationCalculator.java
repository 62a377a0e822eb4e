package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the counts of every (scope, tier) into the published figures of every cell: representation, response rate,
 * benchmark gap, index, expected, shortfall, exact binomial pUnder and Wilson 95% interval (SPEC §6), with primary
 * and complementary suppression applied across the whole table (SPEC §9). Shares are rounded half-up to 4
 * decimals, gap points to 2.
 */
public final class RepresentationCalculator {

    static final int SHARE_SCALE = 4;
    static final int POINTS_SCALE = 2;

    private final int minCellSize;

    public RepresentationCalculator(int minCellSize) {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("privacy.min-cell-size must be at least 1");
        }
        this.minCellSize = minCellSize;
    }

    public int minCellSize() {
        return minCellSize;
    }

    /** Figures of every cell of every (scope, tier) with a headcount, in publication order. */
    public List<CellFigures> figures(Map<CellKey, GroupCounts> table, Benchmarks benchmarks, LocalDate asOf) {
        Set<Suppression.Cell> suppressed = Suppression.suppressed(table, minCellSize);
        Set<Suppression.Cell> menteesSuppressed = Suppression.suppressedMentees(table, minCellSize, suppressed);
        List<CellFigures> figures = new ArrayList<>();
        new TreeMap<>(table).forEach((key, counts) -> {
            if (counts.headcount() > 0) {
                figures.addAll(figures(key, counts, benchmarks, asOf, suppressed, menteesSuppressed));
            }
        });
        return figures;
    }

    /**
     * The figures of every group of one (scope, tier). They depend on nothing else than what is passed: the cell's
     * counts, the benchmarks, the date, and which of the cell's counts the whole table's suppression withholds.
     */
    List<CellFigures> figures(CellKey key, GroupCounts counts, Benchmarks benchmarks, LocalDate asOf,
                              Set<Suppression.Cell> suppressed, Set<Suppression.Cell> menteesSuppressed) {
        List<CellFigures> figures = new ArrayList<>(Group.values().length);
        for (Group group : Group.values()) {
            figures.add(figures(key, group, counts, benchmarks, asOf, suppressed, menteesSuppressed));
        }
        return figures;
    }

    CellFigures figures(CellKey key, Group group, GroupCounts counts, Benchmarks benchmarks, LocalDate asOf,
                        Set<Suppression.Cell> suppressed, Set<Suppression.Cell> menteesSuppressed) {
        long headcount = counts.headcount();
        Optional<Benchmark> benchmark = benchmarks.forCell(key.scope(), group);
        BigDecimal share = benchmark.map(Benchmark::share).orElse(null);
        String source = benchmark.map(Benchmark::source).orElse(null);
        Integer year = benchmark.map(Benchmark::year).orElse(null);
        BigDecimal shareOut = share == null ? null : share.setScale(SHARE_SCALE, RoundingMode.HALF_UP);
        if (suppressed.contains(new Suppression.Cell(key, group))) {
            return new CellFigures(key.scope(), key.tier(), group, asOf, headcount, null, true, null, null, null,
                    shareOut, source, year, null, null, null, null, null, null, null, null);
        }
        long n = counts.count(group);
        long respondents = counts.count(Group.RESPONDED);
        boolean respondentsPublished = !suppressed.contains(new Suppression.Cell(key, Group.RESPONDED));
        BigDecimal representation = ratio(n, headcount);
        BigDecimal ofRespondents = respondentsPublished && respondents > 0 && group != Group.TOTAL
                && group != Group.NOT_DISCLOSED ? ratio(n, respondents) : null;
        BigDecimal responseRate = respondentsPublished ? ratio(respondents, headcount) : null;
        BigDecimal gap = null;
        BigDecimal index = null;
        BigDecimal expected = null;
        Long shortfall = null;
        Double pUnder = null;
        if (share != null) {
            BigDecimal exactShare = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(headcount), 12, RoundingMode.HALF_UP);
            gap = BigDecimal.valueOf(100L * n).subtract(share.multiply(BigDecimal.valueOf(100L * headcount)))
                    .divide(BigDecimal.valueOf(headcount), POINTS_SCALE, RoundingMode.HALF_UP);
            index = exactShare.divide(share, SHARE_SCALE, RoundingMode.HALF_UP);
            BigDecimal expectedExact = share.multiply(BigDecimal.valueOf(headcount));
            expected = expectedExact.setScale(POINTS_SCALE, RoundingMode.HALF_UP);
            shortfall = peopleShort(expectedExact, n);
            pUnder = Statistics.binomialCdf(n, headcount, share.doubleValue());
        }
        double[] interval = Statistics.wilson(n, headcount, Statistics.Z_95);
        Long mentees = menteesSuppressed.contains(new Suppression.Cell(key, group)) ? null : counts.mentees(group);
        return new CellFigures(key.scope(), key.tier(), group, asOf, headcount, n, false, representation,
                ofRespondents, responseRate, shareOut, source, year, gap, index, expected, shortfall, pUnder,
                BigDecimal.valueOf(interval[0]).setScale(SHARE_SCALE, RoundingMode.HALF_UP),
                BigDecimal.valueOf(interval[1]).setScale(SHARE_SCALE, RoundingMode.HALF_UP), mentees);
    }

    /**
     * People short of an expected count (SPEC §6 shortfall): round-half-up(expected) − count, at least 0; expected is
     * share × headcount taken exactly (0.145 of 100 people expects 14.5, so 15, where doubles give 14.4999...).
     */
    public static long peopleShort(BigDecimal expected, long count) {
        return Math.max(0, expected.setScale(0, RoundingMode.HALF_UP).longValueExact() - count);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
