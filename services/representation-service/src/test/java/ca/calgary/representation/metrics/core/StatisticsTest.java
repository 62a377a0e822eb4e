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

    @Test
    void fisherMatchesRsTeaTastingExample() {
        // R documentation of stats::fisher.test, example "TeaTasting" (Agresti 1990, p. 61): the lady tastes 8 cups,
        // table {{3, 1}, {1, 3}}; fisher.test(TeaTasting, alternative = "greater") gives p-value = 0.2429 (= 17/70).
        assertThat(Statistics.fisherOneSided(3, 1, 1, 3, Statistics.Tail.GREATER)).isCloseTo(17.0 / 70, within(1e-12));
    }

    @Test
    void fisherMatchesRsConvictionsExample() {
        // R documentation of stats::fisher.test, example "Convictions" (Fisher 1962): dizygotic twins 2 convicted,
        // 15 not; monozygotic 10 and 3; fisher.test(Convictions, alternative = "less") gives p-value = 0.0004652.
        assertThat(Statistics.fisherOneSided(2, 15, 10, 3, Statistics.Tail.LESS)).isCloseTo(0.0004652, within(1e-7));
    }

    @Test
    void fisherMatchesWikipediasDietingExample() {
        // Wikipedia, "Fisher's exact test", worked example: men 1 dieting, 11 not; women 9 and 3, i.e. the table
        // {{1, 9}, {11, 3}} (rows: dieting, not); the one-tailed p-value is 0.001346076 + 0.000033652 = 0.001379728.
        assertThat(Statistics.fisherOneSided(1, 9, 11, 3, Statistics.Tail.LESS)).isCloseTo(0.001379728, within(1e-9));
    }

    @Test
    void fisherKeepsTheTailOfLargeTables() {
        // {{300, 1700}, {600, 1400}}: exact rational value (Python's fractions, sum of hypergeometric terms).
        assertThat(Statistics.fisherOneSided(300, 1700, 600, 1400, Statistics.Tail.LESS) / 1.9323497353119532e-30)
                .isCloseTo(1.0, within(1e-9));
        // the two tails of the same table add up to 1 + P[X = a]
        double less = Statistics.fisherOneSided(30, 170, 60, 140, Statistics.Tail.LESS);
        double greater = Statistics.fisherOneSided(30, 170, 60, 140, Statistics.Tail.GREATER);
        assertThat(less).isCloseTo(0.00023696318572932886, within(1e-15));
        assertThat(greater).isCloseTo(0.9999080125128201, within(1e-12));
    }

    @Test
    void fisherOfADegenerateTableIsOne() {
        assertThat(Statistics.fisherOneSided(0, 10, 0, 10, Statistics.Tail.LESS)).isEqualTo(1.0);
        assertThat(Statistics.fisherOneSided(5, 0, 5, 0, Statistics.Tail.GREATER)).isEqualTo(1.0);
    }
}
