package ca.calgary.representation.metrics.core;

/** The statistics of SPEC §6: exact binomial lower tail and the Wilson score interval. */
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
}
