package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Small-cell suppression (SPEC §9). Primary: a count c with 0 &lt; c &lt; k, or 0 &lt; N − c &lt; k, is suppressed
 * (TOTAL, the headcount, never is). Complementary: in every family of counts that add up (TOTAL and its parts,
 * INDIGENOUS and its identities, RACIALIZED and its categories, a unit and its child units), a suppressed count must
 * never stand alone, or it could be recomputed from the published ones; so while a family has exactly one
 * suppressed member, its smallest published member (never TOTAL) is suppressed too. Active-mentee counts get the
 * same treatment, and are withheld wherever the group's head count is.
 */
public final class Suppression {

    /** A count: one group of one (scope, tier). */
    public record Cell(CellKey key, Group group) {
    }

    private Suppression() {
    }

    /** The suppressed head counts of a table (TOTAL, the headcount itself, is always published). */
    public static Set<Cell> suppressed(Map<CellKey, GroupCounts> table, int minCellSize) {
        return suppressed(table, minCellSize, GroupCounts::count, true, Set.of());
    }

    /**
     * The suppressed active-mentee counts: the same rules over the mentee counts (their TOTAL is a count like any
     * other), starting from the groups whose head count is already suppressed, whose mentees are withheld too.
     */
    public static Set<Cell> suppressedMentees(Map<CellKey, GroupCounts> table, int minCellSize,
                                              Set<Cell> suppressedCounts) {
        return suppressed(table, minCellSize, GroupCounts::mentees, false, suppressedCounts);
    }

    private static Set<Cell> suppressed(Map<CellKey, GroupCounts> table, int minCellSize,
                                        java.util.function.ToLongBiFunction<GroupCounts, Group> countOf,
                                        boolean totalIsHeadcount, Set<Cell> initially) {
        Set<Cell> suppressed = new HashSet<>(initially);
        table.forEach((key, counts) -> {
            long headcount = counts.headcount();
            if (headcount <= 0) {
                return;
            }
            for (Group group : Group.values()) {
                boolean published = totalIsHeadcount && group == Group.TOTAL;
                if (!published && isSmall(countOf.applyAsLong(counts, group), headcount, minCellSize)) {
                    suppressed.add(new Cell(key, group));
                }
            }
        });
        List<List<Cell>> families = families(table);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<Cell> family : families) {
                long hidden = family.stream().filter(suppressed::contains).count();
                if (hidden == 1) {
                    Cell partner = family.stream()
                            .filter(cell -> !(totalIsHeadcount && cell.group() == Group.TOTAL))
                            .filter(cell -> !suppressed.contains(cell))
                            .min((a, b) -> Long.compare(countOf.applyAsLong(table.get(a.key()), a.group()),
                                    countOf.applyAsLong(table.get(b.key()), b.group())))
                            .orElse(null);
                    if (partner != null) {
                        suppressed.add(partner);
                        changed = true;
                    }
                }
            }
        }
        return suppressed;
    }

    static boolean isSmall(long count, long headcount, int minCellSize) {
        return (count > 0 && count < minCellSize) || (headcount - count > 0 && headcount - count < minCellSize);
    }

    /** Every family of published counts that add up, as lists of cells whose first member is the whole. */
    public static List<List<Cell>> families(Map<CellKey, GroupCounts> table) {
        List<List<Cell>> families = new ArrayList<>();
        Map<CellKey, List<CellKey>> childrenByParent = new TreeMap<>();
        for (CellKey key : table.keySet()) {
            if (table.get(key).headcount() <= 0) {
                continue;
            }
            families.add(List.of(new Cell(key, Group.TOTAL), new Cell(key, Group.RESPONDED),
                    new Cell(key, Group.NOT_DISCLOSED)));
            families.add(family(key, Group.INDIGENOUS, Group.INDIGENOUS_IDENTITIES));
            families.add(family(key, Group.RACIALIZED, Group.RACIALIZED_CATEGORIES));
            key.scope().parentUnit().ifPresent(parent ->
                    childrenByParent.computeIfAbsent(new CellKey(parent, key.tier()), p -> new ArrayList<>()).add(key));
        }
        childrenByParent.forEach((parent, children) -> {
            if (table.containsKey(parent) && table.get(parent).headcount() > 0) {
                for (Group group : Group.values()) {
                    List<Cell> family = new ArrayList<>();
                    family.add(new Cell(parent, group));
                    children.forEach(child -> family.add(new Cell(child, group)));
                    families.add(family);
                }
            }
        });
        return families;
    }

    private static List<Cell> family(CellKey key, Group whole, List<Group> parts) {
        List<Cell> family = new ArrayList<>();
        family.add(new Cell(key, whole));
        parts.forEach(part -> family.add(new Cell(key, part)));
        return family;
    }

}
