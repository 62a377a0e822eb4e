package ca.calgary.representation.metrics.core;

/**
 * The statistics of SPEC §6 and §7: exact binomial lower tail, the Wilson score interval, and the one-sided Fisher
 * exact test of a 2×2 table.
 */
public final class Statistics {

    /** The 97.5th percentile of the standard normal distribution, for 95% intervals. */
    public static final double Z_95 = 1.959963984540054;

    private Statistics() {
    }

    /** P[X ≤ n] for X ~ Binomial(trials, p), summed exactly in log space (no normal approximation). */
    public static double binomialCdf(long n, long trials, double p) {
        if (n < 0) {
            return 0;
        }
        if (n >= trials || p <= 0) {
            return 1;
        }
        if (p >= 1) {
            return 0;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logChoose = 0; // log C(trials, 0)
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[(int) n + 1];
        for (int k = 0; k <= n; k++) {
            if (k > 0) {
                logChoose += Math.log(trials - k + 1) - Math.log(k);
            }
            terms[k] = logChoose + k * logP + (trials - k) * logQ;
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return Math.min(1, Math.exp(max + Math.log(sum)));
    }

    /** Wilson score interval of successes / trials at the given z, as {low, high}. */
    public static double[] wilson(long successes, long trials, double z) {
        double p = (double) successes / trials;
        double z2 = z * z;
        double denominator = 1 + z2 / trials;
        double centre = (p + z2 / (2.0 * trials)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static final int LOG_FACTORIAL_TABLE = 256;
    private static final double[] LOG_FACTORIALS = new double[LOG_FACTORIAL_TABLE];

    static {
        for (int i = 1; i < LOG_FACTORIAL_TABLE; i++) {
            LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1] + Math.log(i);
        }
    }

    /** Which way a one-sided test looks. */
    public enum Tail {
        /** The group has fewer successes than the margins lead to expect (a lower selection rate). */
        LESS,
        /** The group has more (a higher separation rate). */
        GREATER
    }

    /**
     * One-sided Fisher exact test of the 2×2 table {{a, b}, {c, d}} (rows: the group and the reference group;
     * columns: successes and failures): P[X ≤ a] (LESS) or P[X ≥ a] (GREATER) for X hypergeometric with the table's
     * margins. Summed in log space, so large tables neither overflow nor lose the tail.
     */
    public static double fisherOneSided(long a, long b, long c, long d, Tail tail) {
        if (a < 0 || b < 0 || c < 0 || d < 0) {
            throw new IllegalArgumentException("a 2x2 table has no negative cells");
        }
        long rowOne = a + b;
        long successes = a + c;
        long total = a + b + c + d;
        long lowest = Math.max(0, rowOne - (total - successes));
        long highest = Math.min(successes, rowOne);
        long from = tail == Tail.LESS ? lowest : a;
        long to = tail == Tail.LESS ? a : highest;
        double logDenominator = logChoose(total, rowOne);
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[(int) (to - from + 1)];
        for (long x = from; x <= to; x++) {
            double term = logChoose(successes, x) + logChoose(total - successes, rowOne - x) - logDenominator;
            terms[(int) (x - from)] = term;
            max = Math.max(max, term);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return Math.min(1, Math.exp(max + Math.log(sum)));
    }

    private static double logChoose(long n, long k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** ln(n!): exact sums below 256, Stirling's series (error below 1e-15) above. */
    static double logFactorial(long n) {
        if (n < LOG_FACTORIAL_TABLE) {
            return LOG_FACTORIALS[(int) n];
        }
        double x = n;
        double inverse = 1.0 / x;
        double inverseSquared = inverse * inverse;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x)
                + inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared / 1260));
    }
}
