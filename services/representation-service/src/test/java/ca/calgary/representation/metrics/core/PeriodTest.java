package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void quartersAreCalendarQuarters() {
        Quarter q1 = Quarter.of(LocalDate.of(2024, 2, 29));
        assertThat(q1.id()).isEqualTo("2024-Q1");
        assertThat(q1.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Quarter.of(LocalDate.of(2024, 12, 31)).end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(q1.plus(-1).id()).isEqualTo("2023-Q4");
        assertThat(q1.plus(7).id()).isEqualTo("2025-Q4");
        assertThat(Quarter.parse("2025-Q3")).isEqualTo(new Quarter(2025, 3));
        assertThatThrownBy(() -> Quarter.parse("2025-Q5")).hasMessageContaining("YYYY-Qn");
    }

    @Test
    void rollingTwelveMonthsEndAtAQuarterEnd() {
        Period rolling = Period.rolling12Months(new Quarter(2024, 1));
        assertThat(rolling.id()).isEqualTo("R12M-2024-Q1");
        assertThat(rolling.start()).isEqualTo(LocalDate.of(2023, 4, 1));
        assertThat(rolling.end()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(Period.parse("R12M-2024-Q1")).isEqualTo(rolling);
        assertThat(Period.parse("2024-Q1")).isEqualTo(Period.quarter(new Quarter(2024, 1)));
    }

    @Test
    void anEventInAQuarterReachesItsQuarterAndTheFourRollingPeriodsHoldingIt() {
        assertThat(Period.containing(new Quarter(2024, 2))).extracting(Period::id)
                .containsExactly("2024-Q2", "R12M-2024-Q2", "R12M-2024-Q3", "R12M-2024-Q4", "R12M-2025-Q1");
        for (Period period : Period.containing(new Quarter(2024, 2))) {
            assertThat(period.contains(LocalDate.of(2024, 5, 15))).isTrue();
        }
    }
}
