package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.events.Level;
import org.junit.jupiter.api.Test;

class RepresentationProjectionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 30);
    private static final double QUARTER_DAYS = 365.25 / 4;

    @Test
    void stepsAreTheQuarterEndsAfterTodayThenTheTargetDate() {
        assertThat(RepresentationProjection.stepDates(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 12, 31)))
                .containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 6, 30),
                        LocalDate.of(2027, 9, 30), LocalDate.of(2027, 12, 31));
        assertThat(RepresentationProjection.stepDates(TODAY, LocalDate.of(2027, 2, 14)))
                .containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 2, 14));
        assertThatThrownBy(() -> RepresentationProjection.stepDates(TODAY, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** One level, two quarters, written out by hand: separations out, hires in, each a quarter of the year's. */
    @Test
    void oneLevelByHand() {
        Map<Level, LevelFlows> group = Map.of(Level.FRONTLINE, new LevelFlows(10, 10, 2, 0, 4));
        Map<Level, LevelFlows> others = Map.of(Level.FRONTLINE, new LevelFlows(90, 90, 9, 0, 16));
        RepresentationProjection.Projection projection = RepresentationProjection.project(group, others, Tier.ALL,
                0.2, TODAY, LocalDate.of(2027, 3, 31));

        double f1 = 92 / QUARTER_DAYS; // Sep 30 to Dec 31
        double f2 = 90 / QUARTER_DAYS; // Dec 31 to Mar 31
        double g1 = 10 * (1 - 0.2 * f1 / 4) + 4 * f1 / 4;
        double o1 = 90 * (1 - 0.1 * f1 / 4) + 16 * f1 / 4;
        double g2 = g1 * (1 - 0.2 * f2 / 4) + 4 * f2 / 4;
        double o2 = o1 * (1 - 0.1 * f2 / 4) + 16 * f2 / 4;
        List<RepresentationProjection.Point> series = projection.series();
        assertThat(series).hasSize(2);
        assertThat(series.get(0).date()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(series.get(0).groupCount()).isCloseTo(g1, within(1e-9));
        assertThat(series.get(0).share()).isCloseTo(g1 / (g1 + o1), within(1e-12));
        assertThat(series.get(1).groupCount()).isCloseTo(g2, within(1e-9));
        assertThat(series.get(1).headcount()).isCloseTo(g2 + o2, within(1e-9));
        assertThat(series.get(1).share()).isCloseTo(g2 / (g2 + o2), within(1e-12));
        // 20 % of about 105 is 21 people; the group has about 10.6
        assertThat(projection.verdict()).isEqualTo(RepresentationProjection.Verdict.OFF_TRACK);
        assertThat(projection.projectedShortfall())
                .isEqualTo(Math.round(0.2 * (g2 + o2)) - Math.round(g2));
    }

    /** Promotions move people up a level, into the tier: one step written out by hand. */
    @Test
    void promotionsCarryPeopleIntoTheTier() {
        Map<Level, LevelFlows> group = Map.of(Level.FRONTLINE, new LevelFlows(100, 100, 0, 20, 0),
                Level.SUPERVISOR, new LevelFlows(10, 10, 1, 0, 0));
        Map<Level, LevelFlows> others = Map.of(Level.FRONTLINE, new LevelFlows(300, 300, 0, 30, 0),
                Level.SUPERVISOR, new LevelFlows(90, 90, 9, 0, 0));
        LocalDate quarterEnd = LocalDate.of(2026, 12, 31);
        RepresentationProjection.Projection projection = RepresentationProjection.project(group, others,
                Tier.LEADERSHIP, 0.1, TODAY, quarterEnd);

        double q = 92 / QUARTER_DAYS / 4;
        double groupSupervisors = 10 * (1 - 0.1 * q) + 100 * 0.2 * q;
        double otherSupervisors = 90 * (1 - 0.1 * q) + 300 * 0.1 * q;
        RepresentationProjection.Point point = projection.series().get(0);
        assertThat(point.groupCount()).isCloseTo(groupSupervisors, within(1e-9));
        assertThat(point.headcount()).isCloseTo(groupSupervisors + otherSupervisors, within(1e-9));
        assertThat(projection.verdict()).isEqualTo(RepresentationProjection.Verdict.ON_TRACK);
        assertThat(projection.projectedShortfall()).isZero();
    }

    /** Everyone else at the steady state of their rates: 1,000 frontline, 400 supervisors. */
    private static final Map<Level, LevelFlows> STEADY_OTHERS = Map.of(
            Level.FRONTLINE, new LevelFlows(1_000, 1_000, 100, 100, 200),
            Level.SUPERVISOR, new LevelFlows(400, 400, 100, 0, 0));

    /** The group's rates settle at 500 frontline and 200 supervisors; today's people as given. */
    private static Map<Level, LevelFlows> steadyGroup(long frontlineToday, long supervisorsToday) {
        return Map.of(Level.FRONTLINE, new LevelFlows(frontlineToday, 500, 50, 50, 100),
                Level.SUPERVISOR, new LevelFlows(supervisorsToday, 200, 50, 0, 0));
    }

    /**
     * A workforce at its steady state stays there: frontline hires h = 100 a year, separation s = 0.1 and promotion
     * p = 0.1 settle at h / (s + p) = 500; supervisors fed 0.1 × 500 = 50 a year and leaving at 0.25 settle at 200.
     */
    @Test
    void aSteadyStateStaysPut() {
        RepresentationProjection.Projection projection = RepresentationProjection.project(steadyGroup(500, 200),
                STEADY_OTHERS, Tier.LEADERSHIP, 1.0 / 3, TODAY, LocalDate.of(2031, 12, 31));
        for (RepresentationProjection.Point point : projection.series()) {
            assertThat(point.groupCount()).isCloseTo(200, within(1e-9));
            assertThat(point.headcount()).isCloseTo(600, within(1e-9));
            assertThat(point.share()).isCloseTo(1.0 / 3, within(1e-12));
        }
        assertThat(projection.verdict()).isEqualTo(RepresentationProjection.Verdict.ON_TRACK);
    }

    /** Away from it, the projection approaches the steady state the rates imply: 200 / (200 + 400) supervisors. */
    @Test
    void aWorkforceApproachesTheSteadyStateOfItsRates() {
        RepresentationProjection.Projection projection = RepresentationProjection.project(steadyGroup(100, 20),
                STEADY_OTHERS, Tier.LEADERSHIP, 1.0 / 3, TODAY, LocalDate.of(2126, 12, 31));
        List<RepresentationProjection.Point> series = projection.series();
        assertThat(series.get(0).share()).isLessThan(0.1);
        assertThat(series.get(series.size() - 1).share()).isCloseTo(1.0 / 3, within(1e-6));
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.get(i).share()).isGreaterThanOrEqualTo(series.get(i - 1).share());
        }
    }

    @Test
    void theIntervalHoldsTheProjectionAndNarrowsWithMoreEvidence() {
        RepresentationProjection.Projection small = RepresentationProjection.project(
                Map.of(Level.FRONTLINE, new LevelFlows(10, 10, 2, 0, 4)),
                Map.of(Level.FRONTLINE, new LevelFlows(90, 90, 9, 0, 16)), Tier.ALL, 0.2, TODAY,
                LocalDate.of(2027, 12, 31));
        RepresentationProjection.Projection large = RepresentationProjection.project(
                Map.of(Level.FRONTLINE, new LevelFlows(1_000, 1_000, 200, 0, 400)),
                Map.of(Level.FRONTLINE, new LevelFlows(9_000, 9_000, 900, 0, 1_600)), Tier.ALL, 0.2, TODAY,
                LocalDate.of(2027, 12, 31));
        for (RepresentationProjection.Projection projection : List.of(small, large)) {
            for (RepresentationProjection.Point point : projection.series()) {
                assertThat(point.low()).isLessThanOrEqualTo(point.share());
                assertThat(point.high()).isGreaterThanOrEqualTo(point.share());
            }
        }
        RepresentationProjection.Point smallEnd = small.series().get(small.series().size() - 1);
        RepresentationProjection.Point largeEnd = large.series().get(large.series().size() - 1);
        assertThat(smallEnd.share()).isCloseTo(largeEnd.share(), within(1e-12)); // the same rates
        assertThat(largeEnd.high() - largeEnd.low()).isLessThan((smallEnd.high() - smallEnd.low()) / 5);
        assertThat(smallEnd.high() - smallEnd.low()).as("a real spread for 10 people").isGreaterThan(0.01);
    }

    @Test
    void theSameInputsGiveTheSameFigures() {
        Map<Level, LevelFlows> group = Map.of(Level.FRONTLINE, new LevelFlows(10, 12, 2, 1, 4));
        Map<Level, LevelFlows> others = Map.of(Level.FRONTLINE, new LevelFlows(90, 88, 9, 3, 16));
        assertThat(RepresentationProjection.project(group, others, Tier.ALL, 0.2, TODAY, LocalDate.of(2027, 12, 31)))
                .isEqualTo(RepresentationProjection.project(group, others, Tier.ALL, 0.2, TODAY,
                        LocalDate.of(2027, 12, 31)));
    }
}
