package ca.calgary.representation.metrics.core;

import java.util.SplittableRandom;

/** Draws from the gamma and beta distributions, for intervals that reflect sampling uncertainty. */
final class Sampling {

    private Sampling() {
    }

    /** A draw from Gamma(shape, 1) (Marsaglia and Tsang's method; below shape 1 by Gamma(shape + 1) · U^(1/shape)). */
    static double gamma(double shape, SplittableRandom random) {
        if (shape <= 0) {
            throw new IllegalArgumentException("the shape must be positive: " + shape);
        }
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(uniformOpen(random), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = normal(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = uniformOpen(random);
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A draw from Beta(a, b). */
    static double beta(double a, double b, SplittableRandom random) {
        double x = gamma(a, random);
        double y = gamma(b, random);
        return x / (x + y);
    }

    /** A standard normal draw (Marsaglia's polar method). */
    private static double normal(SplittableRandom random) {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * Math.sqrt(-2 * Math.log(s) / s);
            }
        }
    }

    private static double uniformOpen(SplittableRandom random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return u;
    }
}
