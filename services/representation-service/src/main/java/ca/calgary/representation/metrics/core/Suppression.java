package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToLongBiFunction;

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
                                        ToLongBiFunction<GroupCounts, Group> countOf,
                                        boolean totalIsHeadcount, Set<Cell> initially) {
        List<Cell> cells = new ArrayList<>();
        table.forEach((key, counts) -> {
            if (counts.headcount() > 0) {
                for (Group group : Group.values()) {
                    cells.add(new Cell(key, group));
                }
            }
        });
        return SmallCountSuppression.suppressed(new SmallCountSuppression.Table<>() {
            @Override
            public Collection<Cell> cells() {
                return cells;
            }

            @Override
            public long count(Cell cell) {
                return countOf.applyAsLong(table.get(cell.key()), cell.group());
            }

            @Override
            public long whole(Cell cell) {
                return table.get(cell.key()).headcount();
            }

            @Override
            public boolean alwaysPublished(Cell cell) {
                return totalIsHeadcount && cell.group() == Group.TOTAL;
            }
        }, families(table), minCellSize, initially);
    }

    /** Every family of published counts that add up, as lists of cells whose first member is the whole. */
    public static List<List<Cell>> families(Map<CellKey, GroupCounts> table) {
        return families(table.keySet().stream().filter(key -> table.get(key).headcount() > 0).toList(), Cell::new);
    }

    /**
     * The families of SPEC §9 over the (scope, tier)s given, however a count is named: within each (scope, tier)
     * TOTAL and its parts, INDIGENOUS and its identities, RACIALIZED and its categories; and each unit with its child
     * units, group by group.
     */
    public static <C> List<List<C>> families(Collection<CellKey> keys, BiFunction<CellKey, Group, C> cell) {
        List<List<C>> families = new ArrayList<>();
        Set<CellKey> present = new java.util.HashSet<>(keys);
        Map<CellKey, List<CellKey>> childrenByParent = new TreeMap<>();
        // In key order, whatever order the table's map gives: which count complementary suppression takes depends on
        // the order of the families, and the same counts must always be withheld the same way.
        for (CellKey key : keys.stream().sorted().toList()) {
            families.add(List.of(cell.apply(key, Group.TOTAL), cell.apply(key, Group.RESPONDED),
                    cell.apply(key, Group.NOT_DISCLOSED)));
            families.add(family(key, Group.INDIGENOUS, Group.INDIGENOUS_IDENTITIES, cell));
            families.add(family(key, Group.RACIALIZED, Group.RACIALIZED_CATEGORIES, cell));
            key.scope().parentUnit().ifPresent(parent ->
                    childrenByParent.computeIfAbsent(new CellKey(parent, key.tier()), p -> new ArrayList<>()).add(key));
        }
        childrenByParent.forEach((parent, children) -> {
            if (present.contains(parent)) {
                for (Group group : Group.values()) {
                    List<C> family = new ArrayList<>();
                    family.add(cell.apply(parent, group));
                    children.forEach(child -> family.add(cell.apply(child, group)));
                    families.add(family);
                }
            }
        });
        return families;
    }

    private static <C> List<C> family(CellKey key, Group whole, List<Group> parts, BiFunction<CellKey, Group, C> cell) {
        List<C> family = new ArrayList<>();
        family.add(cell.apply(key, whole));
        parts.forEach(part -> family.add(cell.apply(key, part)));
        return family;
    }

}
