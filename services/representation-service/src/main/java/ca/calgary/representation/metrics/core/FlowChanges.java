package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Many employees' flow changes summed into signed count changes (SPEC §7): per period the change of each
 * (scope, tier)'s flow counts, per quarter the change of its quarter-end head counts (what a snapshot counts), per
 * competition the change of its funnel. An employee's old contribution is subtracted and the new one added (as a
 * re-grouped KTable does), so what reaches an aggregate is one coalesced change per period, not one per employee, and
 * counts that cancel out are never sent. Mutable; not thread-safe.
 */
public final class FlowChanges {

    private final PlacementCells cells;
    private final Map<Period, Map<CellKey, FlowCounts>> periods = new HashMap<>();
    private final Map<Quarter, Map<CellKey, GroupCounts>> quarterEnds = new HashMap<>();
    private final Map<String, CompetitionCalculator.Counts> competitions = new HashMap<>();

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
        Map<CellKey, FlowCounts> table = periods.computeIfAbsent(period, p -> new HashMap<>());
        if (before != null && after != null && before.groups().equals(after.groups())) {
            // Same groups: a count both add to cancels out. An event usually changes a period's contribution in a
            // few counts (a transfer's units), while both add to most (the organisation's, the service line's).
            Map<FlowContribution.Increment, Integer> net = new HashMap<>();
            before.increments(cells).forEach(increment -> net.merge(increment, -1, Integer::sum));
            after.increments(cells).forEach(increment -> net.merge(increment, 1, Integer::sum));
            net.forEach((increment, times) -> {
                if (times != 0) {
                    table.computeIfAbsent(increment.key(), key -> new FlowCounts())
                            .add(increment.measure(), after.groups(), times);
                }
            });
        } else {
            addIncrements(table, before, -1);
            addIncrements(table, after, 1);
        }
        if (period.kind() == Period.Kind.QUARTER) {
            Contribution endBefore = before == null ? null : before.atEndContribution();
            Contribution endAfter = after == null ? null : after.atEndContribution();
            if (!java.util.Objects.equals(endBefore, endAfter)) {
                addQuarterEnd(period.last(), endBefore, -1);
                addQuarterEnd(period.last(), endAfter, 1);
            }
        }
    }

    private void addIncrements(Map<CellKey, FlowCounts> table, FlowContribution contribution, int sign) {
        if (contribution == null) {
            return;
        }
        for (FlowContribution.Increment increment : contribution.increments(cells)) {
            table.computeIfAbsent(increment.key(), key -> new FlowCounts())
                    .add(increment.measure(), contribution.groups(), sign);
        }
    }

    private void addQuarterEnd(Quarter quarter, Contribution atEnd, int sign) {
        if (atEnd == null) {
            return;
        }
        Map<CellKey, GroupCounts> counts = quarterEnds.computeIfAbsent(quarter, q -> new HashMap<>());
        for (CellKey key : cells.cells(atEnd.placement())) {
            counts.put(key, counts.getOrDefault(key, GroupCounts.empty()).plus(atEnd.groups(), atEnd.mentee(), sign));
        }
    }

    private void add(String competition, CompetitionEntry candidate, int sign) {
        if (candidate != null) {
            competitions.computeIfAbsent(competition, c -> new CompetitionCalculator.Counts()).add(candidate, sign);
        }
    }

    /** The periods whose counts change, each with its non-zero cell changes. */
    public SortedMap<Period, Map<CellKey, FlowCounts>> periods() {
        return nonZero(periods, FlowCounts::isEmpty);
    }

    /** The quarters whose quarter-end head counts change, each with its non-zero cell changes. */
    public SortedMap<Quarter, Map<CellKey, GroupCounts>> quarterEnds() {
        return nonZero(quarterEnds, GroupCounts::isEmpty);
    }

    private static <K extends Comparable<K>, V> SortedMap<K, Map<CellKey, V>> nonZero(Map<K, Map<CellKey, V>> tables,
                                                                                      Predicate<V> zero) {
        SortedMap<K, Map<CellKey, V>> changed = new TreeMap<>();
        tables.forEach((key, table) -> {
            Map<CellKey, V> cells = new HashMap<>(table);
            cells.values().removeIf(zero);
            if (!cells.isEmpty()) {
                changed.put(key, cells);
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
