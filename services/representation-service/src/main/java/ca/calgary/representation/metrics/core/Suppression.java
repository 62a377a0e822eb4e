package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        List<CellKey> keys = table.keySet().stream().filter(key -> table.get(key).headcount() > 0).sorted().toList();
        Map<CellKey, Integer> rows = CountNumbering.rows(keys);
        CountNumbering numbering = new CountNumbering(keys.size(), 1);
        BitSet withheldBefore = new BitSet();
        initially.forEach(cell -> {
            Integer row = rows.get(cell.key());
            if (row != null) {
                withheldBefore.set(numbering.of(row, 0, cell.group()));
            }
        });
        BitSet withheld = SmallCountSuppression.suppressed(numbering.table(
                (row, measure, group) -> countOf.applyAsLong(table.get(keys.get(row)), group),
                (row, measure, group) -> table.get(keys.get(row)).headcount(), totalIsHeadcount),
                families(keys, (key, group) -> numbering.of(rows.get(key), 0, group)), minCellSize, withheldBefore);
        Set<Cell> cells = new HashSet<>();
        withheld.stream().forEach(cell -> cells.add(new Cell(keys.get(numbering.row(cell)), numbering.group(cell))));
        return cells;
    }

    /** How a family names a count of the table: its number, or -1 when the table has no such count. */
    public interface CountOf {
        int number(CellKey key, Group group);
    }

    /**
     * The families of SPEC §9 over the (scope, tier)s given, in key order whatever the order given, each an array of
     * count numbers whose first member is the whole: within each (scope, tier) TOTAL and its parts, INDIGENOUS and its
     * identities, RACIALIZED and its categories; and each unit with its child units, group by group. Counts the table
     * does not have are left out.
     */
    public static List<int[]> families(Collection<CellKey> keys, CountOf count) {
        List<int[]> families = new ArrayList<>();
        Set<CellKey> present = new HashSet<>(keys);
        Map<CellKey, List<CellKey>> childrenByParent = new TreeMap<>();
        // In key order, whatever order the table's map gives: which count complementary suppression takes depends on
        // the order of the families, and the same counts must always be withheld the same way.
        for (CellKey key : keys.stream().sorted().toList()) {
            families.add(family(List.of(new Cell(key, Group.TOTAL), new Cell(key, Group.RESPONDED),
                    new Cell(key, Group.NOT_DISCLOSED)), count));
            families.add(family(key, Group.INDIGENOUS, Group.INDIGENOUS_IDENTITIES, count));
            families.add(family(key, Group.RACIALIZED, Group.RACIALIZED_CATEGORIES, count));
            key.scope().parentUnit().ifPresent(parent ->
                    childrenByParent.computeIfAbsent(new CellKey(parent, key.tier()), p -> new ArrayList<>()).add(key));
        }
        childrenByParent.forEach((parent, children) -> {
            if (present.contains(parent)) {
                for (Group group : Group.values()) {
                    List<Cell> family = new ArrayList<>();
                    family.add(new Cell(parent, group));
                    children.forEach(child -> family.add(new Cell(child, group)));
                    families.add(family(family, count));
                }
            }
        });
        return families;
    }

    private static int[] family(CellKey key, Group whole, List<Group> parts, CountOf count) {
        List<Cell> family = new ArrayList<>();
        family.add(new Cell(key, whole));
        parts.forEach(part -> family.add(new Cell(key, part)));
        return family(family, count);
    }

    private static int[] family(List<Cell> members, CountOf count) {
        return members.stream().mapToInt(member -> count.number(member.key(), member.group()))
                .filter(number -> number >= 0).toArray();
    }
}
