package ca.calgary.representation.alerts.core;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the rules remember of one cell between signals: its representation at recent quarter ends (DECLINE compares
 * the latest with four quarters earlier), and the latest complete rolling period seen (ADVERSE_IMPACT follows the
 * latest period only; restatements of older ones do not move the alert).
 */
public record CellHistory(SortedMap<String, Double> quarterEnds, String latestRollingPeriod) {

    /** Quarters kept: the latest and the four before it. */
    static final int QUARTERS_KEPT = 5;

    public static final CellHistory EMPTY = new CellHistory(new TreeMap<>(), null);

    public CellHistory {
        quarterEnds = Collections.unmodifiableSortedMap(new TreeMap<>(quarterEnds));
    }

    /** With a quarter's representation (null: withheld) recorded, the oldest beyond what DECLINE needs dropped. */
    public CellHistory withQuarter(String quarter, Double representation) {
        TreeMap<String, Double> updated = new TreeMap<>(quarterEnds);
        updated.put(quarter, representation);
        while (updated.size() > QUARTERS_KEPT) {
            updated.pollFirstEntry();
        }
        return new CellHistory(updated, latestRollingPeriod);
    }

    public CellHistory withRollingPeriod(String period) {
        return new CellHistory(quarterEnds, period);
    }

    /** Whether a rolling period is the latest seen (or later); ids {@code R12M-YYYY-Qn} sort in time order. */
    public boolean isLatest(String period) {
        return latestRollingPeriod == null || period.compareTo(latestRollingPeriod) >= 0;
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
