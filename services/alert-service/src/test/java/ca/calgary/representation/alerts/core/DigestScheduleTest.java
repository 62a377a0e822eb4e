package ca.calgary.representation.alerts.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import ca.calgary.representation.alerts.core.DigestSchedule.Delivery;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private final DigestSchedule schedule = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("America/Edmonton"),
            DayOfWeek.MONDAY);

    @Test
    void aDailyDigestIsDueAtEightLocalTimeEveryDay() {
        // Thursday 3 December 2026, 07:59 in Calgary (MST, UTC-7): yesterday's is the latest due
        assertThat(schedule.latestDue(Delivery.DAILY, Instant.parse("2026-12-03T14:59:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
        assertThat(schedule.latestDue(Delivery.DAILY, Instant.parse("2026-12-03T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(schedule.previousDue(Delivery.DAILY, Instant.parse("2026-12-03T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T15:00:00Z"));
    }

    @Test
    void eightStaysEightAcrossDaylightSaving() {
        // clocks go forward on Sunday 14 March 2027: 08:00 MDT is 14:00 UTC
        Instant monday = schedule.latestDue(Delivery.DAILY, Instant.parse("2027-03-15T20:00:00Z"));
        assertThat(monday).isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
        assertThat(schedule.previousDue(Delivery.DAILY, monday)).isEqualTo(Instant.parse("2027-03-14T14:00:00Z"));
        assertThat(schedule.previousDue(Delivery.DAILY, Instant.parse("2027-03-14T14:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-13T15:00:00Z"));
    }

    @Test
    void aWeeklyDigestIsDueOnMondays() {
        // Thursday 3 December 2026: Monday 30 November was the latest
        Instant due = schedule.latestDue(Delivery.WEEKLY, Instant.parse("2026-12-03T20:00:00Z"));
        assertThat(due).isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
        assertThat(schedule.previousDue(Delivery.WEEKLY, due)).isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
        // Monday 7 December before eight: still last week's
        assertThat(schedule.latestDue(Delivery.WEEKLY, Instant.parse("2026-12-07T14:00:00Z"))).isEqualTo(due);
        assertThat(schedule.latestDue(Delivery.WEEKLY, Instant.parse("2026-12-07T15:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
    }

    @Test
    void aScheduleNeedsEveryPart() {
        assertThatThrownBy(() -> new DigestSchedule(null, ZoneId.of("UTC"), DayOfWeek.MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
