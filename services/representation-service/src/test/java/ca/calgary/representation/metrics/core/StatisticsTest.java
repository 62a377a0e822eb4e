package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void binomialCdfMatchesHandComputedValues() {
        // P[X <= 1], X ~ Bin(10, 0.3) = 0.7^10 + 10 * 0.3 * 0.7^9
        double expected = Math.pow(0.7, 10) + 10 * 0.3 * Math.pow(0.7, 9);
        assertThat(Statistics.binomialCdf(1, 10, 0.3)).isCloseTo(expected, within(1e-12));
        // P[X <= 0], X ~ Bin(5, 0.5) = 1/32
        assertThat(Statistics.binomialCdf(0, 5, 0.5)).isCloseTo(1.0 / 32, within(1e-12));
        // P[X <= 2], X ~ Bin(4, 0.5) = (1 + 4 + 6) / 16
        assertThat(Statistics.binomialCdf(2, 4, 0.5)).isCloseTo(11.0 / 16, within(1e-12));
    }

    @Test
    void binomialCdfIsExactForLargeNumbersWhereTermsUnderflow() {
        // Reference values computed independently (Python, summing exp(lgamma-based log pmf) term by term).
        assertThat(Statistics.binomialCdf(4500, 15000, 0.3)).isCloseTo(0.5040278212893445, within(1e-9));
        assertThat(Statistics.binomialCdf(4000, 15000, 0.3) / 1.1347136484731222e-19).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void binomialCdfEdges() {
        assertThat(Statistics.binomialCdf(10, 10, 0.4)).isEqualTo(1);
        assertThat(Statistics.binomialCdf(-1, 10, 0.4)).isZero();
    }

    @Test
    void wilsonIntervalMatchesPublishedExample() {
        // Wilson score interval for 8 of 10 at 95%: (0.4902, 0.9433) (Newcombe 1998, Table I style value).
        double[] interval = Statistics.wilson(8, 10, Statistics.Z_95);
        assertThat(interval[0]).isCloseTo(0.4902, within(1e-4));
        assertThat(interval[1]).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void wilsonIntervalOfZeroStartsAtZero() {
        double[] interval = Statistics.wilson(0, 20, Statistics.Z_95);
        assertThat(interval[0]).isZero();
        assertThat(interval[1]).isCloseTo(0.1611, within(1e-4));
    }
}
