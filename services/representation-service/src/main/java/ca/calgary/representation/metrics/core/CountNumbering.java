package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the counts of a table by number, so that suppression works on arrays: the count of group g in measure m of
 * row r (the table's rows in key order) is (r × measures + m) × groups + g.
 *
 * @param measures how many counts each group of a row has (1 for a head count; a flow has one per measure)
 */
public record CountNumbering(int rows, int measures) {

    private static final Group[] GROUPS = Group.values();

    /** A table's counts by row, measure and group. */
    public interface Counts {
        long count(int row, int measure, Group group);
    }

    /** Each key's row: its position in the list (the table's rows, in key order). */
    public static <K> Map<K, Integer> rows(List<K> keys) {
        Map<K, Integer> rows = new HashMap<>();
        for (int row = 0; row < keys.size(); row++) {
            rows.put(keys.get(row), row);
        }
        return rows;
    }

    /**
     * The table small-count suppression protects: every count numbered here, each a part of the whole that
     * {@code wholes} gives for its row, measure and group; TOTAL published whatever its size if
     * {@code totalAlwaysPublished} (a headcount).
     */
    public SmallCountSuppression.Table table(Counts counts, Counts wholes, boolean totalAlwaysPublished) {
        return new SmallCountSuppression.Table() {
            @Override
            public int size() {
                return CountNumbering.this.size();
            }

            @Override
            public long count(int cell) {
                return counts.count(row(cell), measure(cell), group(cell));
            }

            @Override
            public long whole(int cell) {
                return wholes.count(row(cell), measure(cell), group(cell));
            }

            @Override
            public boolean alwaysPublished(int cell) {
                return totalAlwaysPublished && group(cell) == Group.TOTAL;
            }
        };
    }

    public int size() {
        return rows * measures * GROUPS.length;
    }

    public int of(int row, int measure, Group group) {
        return (row * measures + measure) * GROUPS.length + group.ordinal();
    }

    public int row(int cell) {
        return cell / (measures * GROUPS.length);
    }

    public int measure(int cell) {
        return cell / GROUPS.length % measures;
    }

    public Group group(int cell) {
        return GROUPS[cell % GROUPS.length];
    }
}
