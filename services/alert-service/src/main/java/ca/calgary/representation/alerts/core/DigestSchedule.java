package ca.calgary.representation.alerts.core;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When scheduled digests fall due (SPEC §8): a DAILY digest every day at a local time, a WEEKLY one on a day of the
 * week at that time, in the office's time zone (so 08:00 stays 08:00 across daylight saving). Each digest covers
 * the period since the one before it was due.
 */
public record DigestSchedule(LocalTime time, ZoneId zone, DayOfWeek weeklyDay) {

    /** How a subscription wants to hear: each finding as it changes, or a digest. */
    public enum Delivery { IMMEDIATE, DAILY, WEEKLY }

    /** The latest moment at or before {@code now} when a digest of this delivery fell due. */
    public Instant latestDue(Delivery delivery, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (delivery == Delivery.WEEKLY) {
            day = day.with(TemporalAdjusters.previousOrSame(weeklyDay));
        }
        ZonedDateTime due = day.atTime(time).atZone(zone);
        if (due.toInstant().isAfter(now)) {
            due = delivery == Delivery.WEEKLY ? due.minusWeeks(1) : due.minusDays(1);
        }
        return due.toInstant();
    }

    /** When the digest before the one due at {@code due} fell due: where this one's period begins. */
    public Instant previousDue(Delivery delivery, Instant due) {
        return delivery == Delivery.WEEKLY ? latestDue(delivery, due.atZone(zone).minusWeeks(1).toInstant())
                : latestDue(delivery, due.atZone(zone).minusDays(1).toInstant());
    }

    public DigestSchedule {
        if (time == null || zone == null || weeklyDay == null) {
            throw new IllegalArgumentException("a digest schedule needs a time, a zone and a weekly day");
        }
    }
}
