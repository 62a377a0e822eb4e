package ca.calgary.representation.metrics.core;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The small-count rules of SPEC §9 over any table of counts. Primary: a count c of a whole N with 0 &lt; c &lt; k or
 * 0 &lt; N − c &lt; k is suppressed (a zero only when 0 &lt; N &lt; k), except the counts always published (a
 * headcount). Complementary: in every family of counts that add up (its first member the whole), a suppressed count
 * must never stand alone, or it could be recomputed from the published ones; so while a family has exactly one
 * suppressed member, its smallest published member that may be suppressed is suppressed too.
 *
 * @param <C> how a count is named
 */
public final class SmallCountSuppression {

    /** The counts to protect. */
    public interface Table<C> {
        /** Every count, zeros included (a zero can be small when its whole is). */
        Collection<C> cells();

        long count(C cell);

        /** N of the primary rule: the whole the count is a part of. */
        long whole(C cell);

        /** Published whatever its size (a headcount). */
        boolean alwaysPublished(C cell);
    }

    private SmallCountSuppression() {
    }

    /**
     * @param families  counts that add up; members that are not cells of the table are ignored
     * @param initially counts already withheld for another reason
     */
    public static <C> Set<C> suppressed(Table<C> table, List<List<C>> families, int minCellSize, Set<C> initially) {
        Set<C> suppressed = new HashSet<>(initially);
        Set<C> cells = new HashSet<>(table.cells());
        for (C cell : cells) {
            if (!table.alwaysPublished(cell) && isSmall(table.count(cell), table.whole(cell), minCellSize)) {
                suppressed.add(cell);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<C> family : families) {
                int hidden = 0;
                for (C member : family) {
                    if (suppressed.contains(member)) {
                        hidden++;
                    }
                }
                if (hidden != 1) {
                    continue;
                }
                C partner = null;
                for (C member : family) {
                    if (cells.contains(member) && !table.alwaysPublished(member) && !suppressed.contains(member)
                            && (partner == null || table.count(member) < table.count(partner))) {
                        partner = member;
                    }
                }
                if (partner != null) {
                    suppressed.add(partner);
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
