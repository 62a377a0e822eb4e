package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        // Cells become indexes and families index arrays once, so the passes below touch arrays, not hash sets.
        Map<C, Integer> index = new HashMap<>();
        List<C> byIndex = new ArrayList<>();
        for (C cell : table.cells()) {
            if (index.putIfAbsent(cell, byIndex.size()) == null) {
                byIndex.add(cell);
            }
        }
        int inTable = byIndex.size();
        int[][] members = new int[families.size()][];
        for (int f = 0; f < families.size(); f++) {
            List<C> family = families.get(f);
            members[f] = new int[family.size()];
            for (int m = 0; m < family.size(); m++) {
                C member = family.get(m);
                Integer i = index.get(member);
                if (i == null) {
                    i = byIndex.size();
                    index.put(member, i);
                    byIndex.add(member);
                }
                members[f][m] = i;
            }
        }
        long[] count = new long[inTable];
        boolean[] eligible = new boolean[inTable];
        boolean[] suppressed = new boolean[byIndex.size()];
        for (int i = 0; i < byIndex.size(); i++) {
            C cell = byIndex.get(i);
            suppressed[i] = initially.contains(cell);
            if (i < inTable) {
                count[i] = table.count(cell);
                eligible[i] = !table.alwaysPublished(cell);
                if (eligible[i] && isSmall(count[i], table.whole(cell), minCellSize)) {
                    suppressed[i] = true;
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] family : members) {
                int hidden = 0;
                for (int member : family) {
                    if (suppressed[member]) {
                        hidden++;
                    }
                }
                if (hidden != 1) {
                    continue;
                }
                int partner = -1;
                for (int member : family) {
                    if (member < inTable && eligible[member] && !suppressed[member]
                            && (partner < 0 || count[member] < count[partner])) {
                        partner = member;
                    }
                }
                if (partner >= 0) {
                    suppressed[partner] = true;
                    changed = true;
                }
            }
        }
        Set<C> result = new HashSet<>();
        for (int i = 0; i < suppressed.length; i++) {
            if (suppressed[i]) {
                result.add(byIndex.get(i));
            }
        }
        return result;
    }

    public static boolean isSmall(long count, long whole, int minCellSize) {
        return (count > 0 && count < minCellSize) || (whole - count > 0 && whole - count < minCellSize);
    }
}
