package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * A rate per group (successes of a base, e.g. promotions of a pool) compared with a reference group's: the
 * adverse-impact ratio and a one-sided Fisher exact p-value (SPEC §7). Counts that are withheld (null) give no rate
 * and no comparison.
 */
final class RateComparison {

    /** Successes and base of one group; null where withheld. */
    record Counts(Long successes, Long base) {

        boolean usable() {
            return successes != null && base != null && base > 0;
        }

        double rate() {
            return (double) successes / base;
        }

        /** Successes are part of the base, so {successes, base - successes} is a row of a 2x2 table. */
        boolean isTable() {
            return successes <= base;
        }
    }

    /** The reference used, its base, the ratio and the p-value; all null where no comparison applies. */
    record Result(Group reference, Long referenceBase, Double ratio, Double fisherP) {
        static final Result NONE = new Result(null, null, null, null);
    }

    private RateComparison() {
    }

    static BigDecimal rate(Counts counts) {
        return counts.usable() ? BigDecimal.valueOf(counts.successes())
                .divide(BigDecimal.valueOf(counts.base()), RepresentationCalculator.SHARE_SCALE, RoundingMode.HALF_UP)
                : null;
    }

    /**
     * @param favourableIsHigh true for selections (a low rate is adverse), false for separations (a high one is)
     */
    static Result compare(Group group, Function<Group, Counts> countsOf, ReferenceGroup reference,
                          boolean favourableIsHigh) {
        Group referenceGroup = reference.fixedGroup().orElseGet(() -> mostFavourable(countsOf, favourableIsHigh));
        if (referenceGroup == null) {
            return Result.NONE;
        }
        Counts theirs = countsOf.apply(referenceGroup);
        if (!group.comparableWith(referenceGroup)) {
            return new Result(referenceGroup, theirs.base(), null, null);
        }
        Counts mine = countsOf.apply(group);
        if (!mine.usable() || !theirs.usable()) {
            return new Result(referenceGroup, theirs.base(), null, null);
        }
        Double ratio = theirs.rate() > 0 ? mine.rate() / theirs.rate() : null;
        if (!mine.isTable() || !theirs.isTable()) {
            // more successes than the base (people hired and gone within the period): a rate, but no 2x2 table
            return new Result(referenceGroup, theirs.base(), ratio, null);
        }
        double p = Statistics.fisherOneSided(mine.successes(), mine.base() - mine.successes(), theirs.successes(),
                theirs.base() - theirs.successes(), favourableIsHigh ? Statistics.Tail.LESS : Statistics.Tail.GREATER);
        return new Result(referenceGroup, theirs.base(), ratio, p);
    }

    private static Group mostFavourable(Function<Group, Counts> countsOf, boolean favourableIsHigh) {
        Group best = null;
        double bestRate = 0;
        for (Group candidate : Group.values()) {
            if (!ReferenceGroup.CANDIDATES.contains(candidate) || !countsOf.apply(candidate).usable()) {
                continue;
            }
            double rate = countsOf.apply(candidate).rate();
            if (best == null || (favourableIsHigh ? rate > bestRate : rate < bestRate)) {
                best = candidate;
                bestRate = rate;
            }
        }
        return best;
    }
}
