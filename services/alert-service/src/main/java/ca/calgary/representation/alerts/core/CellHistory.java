package ca.calgary.representation.alerts.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the rules remember of one cell between signals: its representation at recent quarter ends (DECLINE compares
 * the latest with four quarters earlier), and the latest rolling period seen from each feed ADVERSE_IMPACT reads
 * (it follows the latest period only; restatements of older ones do not move the alert).
 */
public record CellHistory(SortedMap<String, Double> quarterEnds, Map<Measure.Source, String> latestRollingPeriods) {

    /** Quarters kept: the latest and the four before it. */
    static final int QUARTERS_KEPT = 5;

    public static final CellHistory EMPTY = new CellHistory(new TreeMap<>(), Map.of());

    public CellHistory {
        quarterEnds = Collections.unmodifiableSortedMap(new TreeMap<>(quarterEnds));
        latestRollingPeriods = latestRollingPeriods.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(latestRollingPeriods));
    }

    /** With a quarter's representation (null: withheld) recorded, the oldest beyond what DECLINE needs dropped. */
    public CellHistory withQuarter(String quarter, Double representation) {
        TreeMap<String, Double> updated = new TreeMap<>(quarterEnds);
        updated.put(quarter, representation);
        while (updated.size() > QUARTERS_KEPT) {
            updated.pollFirstEntry();
        }
        return new CellHistory(updated, latestRollingPeriods);
    }

    public CellHistory withRollingPeriod(Measure.Source source, String period) {
        Map<Measure.Source, String> updated = new EnumMap<>(Measure.Source.class);
        updated.putAll(latestRollingPeriods);
        updated.put(source, period);
        return new CellHistory(quarterEnds, updated);
    }

    /** Whether a rolling period is the latest seen from its feed (or later); ids {@code R12M-YYYY-Qn} sort in time. */
    public boolean isLatest(Measure.Source source, String period) {
        String latest = latestRollingPeriods.get(source);
        return latest == null || period.compareTo(latest) >= 0;
    }

    /** The latest quarter recorded and the same quarter a year earlier, if both are there. */
    public Signal.Snapshot[] latestAndYearBefore(String scope, String tier, String group) {
        if (quarterEnds.isEmpty()) {
            return null;
        }
        String latest = quarterEnds.lastKey();
        String yearBefore = (Integer.parseInt(latest.substring(0, 4)) - 1) + latest.substring(4);
        if (!quarterEnds.containsKey(yearBefore)) {
            return null;
        }
        return new Signal.Snapshot[] {new Signal.Snapshot(scope, tier, group, yearBefore, quarterEnds.get(yearBefore)),
                new Signal.Snapshot(scope, tier, group, latest, quarterEnds.get(latest))};
    }
}
