package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SamplingTest {

    private static final int DRAWS = 200_000;

    @Test
    void gammaDrawsHaveTheShapeAsMeanAndVariance() {
        for (double shape : new double[] {0.5, 1, 2.5, 40}) {
            SplittableRandom random = new SplittableRandom(7);
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < DRAWS; i++) {
                double x = Sampling.gamma(shape, random);
                assertThat(x).isPositive();
                sum += x;
                squares += x * x;
            }
            double mean = sum / DRAWS;
            assertThat(mean).as("mean of Gamma(%s)", shape).isCloseTo(shape, within(0.02 * shape + 0.01));
            assertThat(squares / DRAWS - mean * mean).as("variance of Gamma(%s)", shape)
                    .isCloseTo(shape, within(0.05 * shape + 0.02));
        }
    }

    @Test
    void betaDrawsHaveTheirMeanAndVariance() {
        double a = 3.5;
        double b = 12.5;
        SplittableRandom random = new SplittableRandom(11);
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < DRAWS; i++) {
            double x = Sampling.beta(a, b, random);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
            squares += x * x;
        }
        double mean = sum / DRAWS;
        assertThat(mean).isCloseTo(a / (a + b), within(0.002));
        assertThat(squares / DRAWS - mean * mean)
                .isCloseTo(a * b / ((a + b) * (a + b) * (a + b + 1)), within(0.0005));
    }
}
