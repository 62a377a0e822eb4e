package ca.calgary.representation.metrics.core;

import java.util.BitSet;
import java.util.List;

/**
 * The small-count rules of SPEC §9 over any table of counts. Primary: a count c of a whole N with 0 &lt; c &lt; k or
 * 0 &lt; N − c &lt; k is suppressed (a zero only when 0 &lt; N &lt; k), except the counts always published (a
 * headcount). Complementary: in every family of counts that add up (its first member the whole), a suppressed count
 * must never stand alone, or it could be recomputed from the published ones; so while a family has exactly one
 * suppressed member, its smallest published member that may be suppressed is suppressed too (the first such member
 * in family order on a tie, so the same counts are always withheld the same way).
 *
 * <p>Counts are named by number ({@link CountNumbering}), so a table is arrays and a family an array of numbers: a
 * flow period has about 100,000 counts in 130,000 families, and naming them by objects in hash maps made suppression
 * the largest part of publishing a period.
 */
public final class SmallCountSuppression {

    /** The counts to protect, numbered from 0 to {@link #size()}. */
    public interface Table {
        /** How many counts, zeros included (a zero can be small when its whole is). */
        int size();

        long count(int cell);

        /** N of the primary rule: the whole the count is a part of. */
        long whole(int cell);

        /** Published whatever its size (a headcount). */
        boolean alwaysPublished(int cell);
    }

    private SmallCountSuppression() {
    }

    /**
     * @param families  counts that add up, each an array of count numbers, taken in list order
     * @param initially counts already withheld for another reason
     * @return the numbers of the suppressed counts
     */
    public static BitSet suppressed(Table table, List<int[]> families, int minCellSize, BitSet initially) {
        int size = table.size();
        long[] count = new long[size];
        boolean[] eligible = new boolean[size];
        BitSet suppressed = (BitSet) initially.clone();
        for (int cell = 0; cell < size; cell++) {
            count[cell] = table.count(cell);
            eligible[cell] = !table.alwaysPublished(cell);
            if (eligible[cell] && isSmall(count[cell], table.whole(cell), minCellSize)) {
                suppressed.set(cell);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] family : families) {
                int hidden = 0;
                for (int member : family) {
                    if (suppressed.get(member)) {
                        hidden++;
                    }
                }
                if (hidden != 1) {
                    continue;
                }
                int partner = -1;
                for (int member : family) {
                    if (eligible[member] && !suppressed.get(member)
                            && (partner < 0 || count[member] < count[partner])) {
                        partner = member;
                    }
                }
                if (partner >= 0) {
                    suppressed.set(partner);
                    changed = true;
                }
            }
        }
        return suppressed;
    }

    public static boolean isSmall(long count, long whole, int minCellSize) {
        return (count > 0 && count < minCellSize) || (whole - count > 0 && whole - count < minCellSize);
    }
}
