package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Many employees' flow changes summed into signed count changes (SPEC §7): per period the change of each
 * (scope, tier)'s flow counts, per quarter the change of its quarter-end head counts (what a snapshot counts), per
 * competition the change of its funnel. An employee's old contribution is subtracted and the new one added (as a
 * re-grouped KTable does), so what reaches an aggregate is one coalesced change per period, not one per employee, and
 * counts that cancel out are never sent.
 *
 * <p>Contributions are summed before they are spread over cells: per period, each distinct count (a measure at a
 * placement, {@link FlowContribution.Count}) for each set of groups, and per quarter end each distinct
 * {@link Contribution}. Employees share placements and groups, so a pass of thousands of employees spreads a few
 * hundred distinct counts over their cells instead of every employee's, and an unchanged count of a changed
 * contribution (the head count of an employee whose separation moved) cancels before it is spread. Mutable; not
 * thread-safe.
 */
public final class FlowChanges {

    private final PlacementCells cells;
    private final Map<Period, Map<GroupedCount, int[]>> periods = new HashMap<>();
    private final Map<Quarter, Map<Contribution, int[]>> quarterEnds = new HashMap<>();
    private final Map<String, CompetitionCalculator.Counts> competitions = new HashMap<>();

    /** A count for a set of groups: what many employees' contributions have in common. */
    private record GroupedCount(FlowContribution.Count count, Set<Group> groups) {
    }

    public FlowChanges(PlacementCells cells) {
        this.cells = cells;
    }

    /** Adds one employee's change: what they contributed before is removed, what they contribute now is added. */
    public void add(EmployeeFlows.Change change) {
        change.periods().forEach((period, delta) -> add(period, delta.before(), delta.after()));
        change.competitions().forEach((competition, delta) -> {
            add(competition, delta.before(), -1);
            add(competition, delta.after(), 1);
        });
    }

    private void add(Period period, FlowContribution before, FlowContribution after) {
        Map<GroupedCount, int[]> table = periods.computeIfAbsent(period, p -> new HashMap<>());
        addCounts(table, before, -1);
        addCounts(table, after, 1);
        if (period.kind() == Period.Kind.QUARTER) {
            Contribution endBefore = before == null ? null : before.atEndContribution();
            Contribution endAfter = after == null ? null : after.atEndContribution();
            if (!Objects.equals(endBefore, endAfter)) {
                Map<Contribution, int[]> ends = quarterEnds.computeIfAbsent(period.last(), q -> new HashMap<>());
                times(ends, endBefore, -1);
                times(ends, endAfter, 1);
            }
        }
    }

    private static void addCounts(Map<GroupedCount, int[]> table, FlowContribution contribution, int sign) {
        if (contribution != null) {
            for (FlowContribution.Count count : contribution.counts()) {
                times(table, new GroupedCount(count, contribution.groups()), sign);
            }
        }
    }

    private static <K> void times(Map<K, int[]> sums, K key, int sign) {
        if (key != null) {
            sums.computeIfAbsent(key, k -> new int[1])[0] += sign;
        }
    }

    private void add(String competition, CompetitionEntry candidate, int sign) {
        if (candidate != null) {
            competitions.computeIfAbsent(competition, c -> new CompetitionCalculator.Counts()).add(candidate, sign);
        }
    }

    /** The periods whose counts change, each with its non-zero cell changes. */
    public SortedMap<Period, Map<CellKey, FlowCounts>> periods() {
        SortedMap<Period, Map<CellKey, FlowCounts>> changed = new TreeMap<>();
        periods.forEach((period, counts) -> {
            Map<CellKey, FlowCounts> table = new HashMap<>();
            counts.forEach((grouped, times) -> {
                if (times[0] != 0) {
                    for (CellKey key : grouped.count().cells(cells)) {
                        table.computeIfAbsent(key, k -> new FlowCounts())
                                .add(grouped.count().measure(), grouped.groups(), times[0]);
                    }
                }
            });
            table.values().removeIf(FlowCounts::isEmpty);
            if (!table.isEmpty()) {
                changed.put(period, table);
            }
        });
        return changed;
    }

    /** The quarters whose quarter-end head counts change, each with its non-zero cell changes. */
    public SortedMap<Quarter, Map<CellKey, GroupCounts>> quarterEnds() {
        SortedMap<Quarter, Map<CellKey, GroupCounts>> changed = new TreeMap<>();
        quarterEnds.forEach((quarter, contributions) -> {
            Map<CellKey, GroupCounts> table = new HashMap<>();
            contributions.forEach((atEnd, times) -> {
                if (times[0] != 0) {
                    GroupCounts delta = GroupCounts.empty().plus(atEnd.groups(), atEnd.mentee(), times[0]);
                    for (CellKey key : cells.cells(atEnd.placement())) {
                        table.merge(key, delta, GroupCounts::plus);
                    }
                }
            });
            table.values().removeIf(GroupCounts::isEmpty);
            if (!table.isEmpty()) {
                changed.put(quarter, table);
            }
        });
        return changed;
    }

    /** The competitions whose funnels change, each with its non-zero change. */
    public SortedMap<String, CompetitionCalculator.Counts> competitions() {
        SortedMap<String, CompetitionCalculator.Counts> changed = new TreeMap<>(competitions);
        changed.values().removeIf(CompetitionCalculator.Counts::isZero);
        return changed;
    }

    public boolean isEmpty() {
        return periods.isEmpty() && quarterEnds.isEmpty() && competitions.isEmpty();
    }
}
