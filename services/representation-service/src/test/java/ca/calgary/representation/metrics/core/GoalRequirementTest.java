package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

class GoalRequirementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate TARGET = LocalDate.of(2027, 12, 31);
    private static final double YEARS = ChronoUnit.DAYS.between(TODAY, TARGET) / 365.25;

    private static GoalRequirement.TierFlows flows(long today, long atStart, long separations, long hires,
                                                   long promotions, long pool) {
        return new GoalRequirement.TierFlows(today, atStart, separations, hires, promotions, pool);
    }

    @Test
    void peopleShortTodayRoundsTheGoalHalfUp() {
        GoalRequirement.TierFlows everyone = flows(100, 100, 0, 10, 0, 0);
        assertThat(GoalRequirement.of(flows(15, 15, 0, 1, 0, 0), everyone, 0.2, TODAY, TARGET).peopleShort())
                .isEqualTo(5);
        assertThat(GoalRequirement.of(flows(25, 25, 0, 1, 0, 0), everyone, 0.2, TODAY, TARGET).peopleShort())
                .isZero();
        assertThat(GoalRequirement.of(flows(10, 10, 0, 1, 0, 0), everyone, 0.125, TODAY, TARGET).peopleShort())
                .as("12.5 rounds to 13").isEqualTo(3);
        assertThat(GoalRequirement.of(flows(10, 10, 0, 1, 0, 0), everyone, 0.145, TODAY, TARGET).peopleShort())
                .as("as the published shortfall counts it: 0.145 × 100 is 14.5, so 15 (in doubles 14.4999...)")
                .isEqualTo(5);
    }

    /** With no separations the required share is plain arithmetic: (T·(N + A·Y) − n) / (A·Y). */
    @Test
    void withoutSeparationsByHand() {
        GoalRequirement requirement = GoalRequirement.of(flows(10, 10, 0, 2, 0, 0), flows(100, 100, 0, 20, 0, 0),
                0.2, TODAY, TARGET);
        double appointments = 20 * YEARS;
        assertThat(requirement.appointmentsExpected()).isCloseTo(appointments, within(1e-9));
        assertThat(requirement.requiredShareOfAppointments())
                .isCloseTo((0.2 * (100 + appointments) - 10) / appointments, within(1e-9));
        assertThat(requirement.availableShare()).isCloseTo(0.1, within(1e-12)); // 2 of 20 hires
        assertThat(requirement.plausible()).isFalse();
    }

    /** The share found, given to the group, reaches the goal exactly on the target date (checked step by step). */
    @Test
    void theRequiredShareReachesTheGoal() {
        GoalRequirement.TierFlows group = flows(12, 14, 3, 2, 1, 40);
        GoalRequirement.TierFlows everyone = flows(150, 160, 20, 12, 8, 300);
        GoalRequirement requirement = GoalRequirement.of(group, everyone, 0.15, TODAY, TARGET);
        double r = requirement.requiredShareOfAppointments();
        assertThat(r).isBetween(0.0, 1.0);

        double groupCount = 12;
        double others = 138;
        double appointmentsPerYear = 20;
        List<LocalDate> dates = RepresentationProjection.stepDates(TODAY, TARGET);
        LocalDate from = TODAY;
        for (LocalDate date : dates) {
            double years = ChronoUnit.DAYS.between(from, date) / 365.25;
            groupCount = groupCount * (1 - 3.0 / 14 * years) + r * appointmentsPerYear * years;
            others = others * (1 - 17.0 / 146 * years) + (1 - r) * appointmentsPerYear * years;
            from = date;
        }
        assertThat(groupCount / (groupCount + others)).isCloseTo(0.15, within(1e-9));
        // available: promotions 8 × (40 / 300) + hires 12 × (2 / 12), over 20 appointments
        assertThat(requirement.availableShare()).isCloseTo((8 * 40.0 / 300 + 2) / 20, within(1e-12));
        assertThat(requirement.plausible()).isEqualTo(r <= requirement.availableShare());
    }

    @Test
    void aGroupAboveItsGoalNeedsNoAppointmentsAndOneOutOfReachNeedsMoreThanAll() {
        GoalRequirement above = GoalRequirement.of(flows(40, 40, 0, 2, 0, 0), flows(100, 100, 0, 20, 0, 0), 0.2,
                TODAY, TARGET);
        assertThat(above.requiredShareOfAppointments()).isZero();
        assertThat(above.plausible()).isTrue();
        GoalRequirement outOfReach = GoalRequirement.of(flows(0, 0, 0, 0, 0, 0), flows(1_000, 1_000, 0, 10, 0, 0),
                0.5, TODAY, TARGET);
        assertThat(outOfReach.requiredShareOfAppointments()).isGreaterThan(1);
        assertThat(outOfReach.plausible()).isFalse();
    }

    @Test
    void withNoAppointmentsExpectedOnlyWhereTheGroupAlreadyIsCounts() {
        GoalRequirement none = GoalRequirement.of(flows(10, 10, 1, 0, 0, 0), flows(100, 100, 10, 0, 0, 0), 0.2,
                TODAY, TARGET);
        assertThat(none.appointmentsExpected()).isZero();
        assertThat(none.requiredShareOfAppointments()).isNull();
        assertThat(none.plausible()).isFalse();
        assertThat(GoalRequirement.of(flows(30, 30, 1, 0, 0, 0), flows(100, 100, 10, 0, 0, 0), 0.2, TODAY, TARGET)
                .plausible()).isTrue();
    }
}
