package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A period of the flow metrics (SPEC §7): a calendar quarter ({@code 2024-Q1}) or the rolling 12 months ending at a
 * quarter's end ({@code R12M-2024-Q1}, the quarters 2023-Q2 to 2024-Q1).
 */
public record Period(Kind kind, Quarter last) implements Comparable<Period> {

    public enum Kind { QUARTER, ROLLING_12_MONTHS }

    private static final String ROLLING_PREFIX = "R12M-";
    private static final Comparator<Period> ORDER = Comparator.comparing(Period::last).thenComparing(Period::kind);

    public static Period quarter(Quarter quarter) {
        return new Period(Kind.QUARTER, quarter);
    }

    public static Period rolling12Months(Quarter last) {
        return new Period(Kind.ROLLING_12_MONTHS, last);
    }

    public static Period parse(String id) {
        return id.startsWith(ROLLING_PREFIX) ? rolling12Months(Quarter.parse(id.substring(ROLLING_PREFIX.length())))
                : quarter(Quarter.parse(id));
    }

    /** The periods whose figures an event in this quarter can change. */
    public static List<Period> containing(Quarter quarter) {
        List<Period> periods = new ArrayList<>();
        periods.add(quarter(quarter));
        for (int i = 0; i < 4; i++) {
            periods.add(rolling12Months(quarter.plus(i)));
        }
        return periods;
    }

    public Quarter first() {
        return kind == Kind.QUARTER ? last : last.plus(-3);
    }

    public LocalDate start() {
        return first().start();
    }

    public LocalDate end() {
        return last.end();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public String id() {
        return kind == Kind.QUARTER ? last.id() : ROLLING_PREFIX + last.id();
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return id();
    }
}
