package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
 * contribution (the head count of an employee whose separation moved) cancels before it is spread.
 *
 * <p>Beside the period counts it notes who changed in each (period, scope, tier) (the release rule, {@link Releases}:
 * a release needs k of them): an employee whose counts in that (scope, tier) differ, not one whose change cancels
 * there (a transfer between two units of one department changes both units, not the department). At most
 * {@code contributorsPerCell} are noted per (period, scope, tier), and an employee's change is spread over cells only
 * where that number is not reached yet, so a first load's passes stay bounded by the cells. Mutable; not
 * thread-safe.
 */
public final class FlowChanges {

    private static final int MEASURES = FlowMeasure.values().length;

    private final PlacementCells cells;
    private final int contributorsPerCell;
    private final Map<Period, Map<GroupedCount, int[]>> periods = new HashMap<>();
    private final Map<Period, Map<CellKey, Set<Long>>> contributors = new HashMap<>();
    private final Map<Quarter, Map<Contribution, int[]>> quarterEnds = new HashMap<>();
    private final Map<Quarter, Map<CellKey, Set<Long>>> quarterEndContributors = new HashMap<>();
    private final Map<String, CompetitionCalculator.Counts> competitions = new HashMap<>();
    private final Map<String, Set<Long>> competitionContributors = new HashMap<>();

    /** A count for a set of groups: what many employees' contributions have in common. */
    private record GroupedCount(FlowContribution.Count count, Set<Group> groups) {
    }

    /** @param contributorsPerCell how many changed employees to note per (period, scope, tier): the threshold */
    public FlowChanges(PlacementCells cells, int contributorsPerCell) {
        this.cells = cells;
        this.contributorsPerCell = contributorsPerCell;
    }

    /**
     * Adds one employee's change: what they contributed before is removed, what they contribute now is added, and
     * they are noted as changed where their counts differ.
     */
    public void add(String employeeKey, EmployeeFlows.Change change) {
        long contributor = Releases.contributor(employeeKey);
        change.periods().forEach((period, delta) -> {
            add(period, delta.before(), delta.after());
            noteContributor(period, contributor, delta.before(), delta.after());
            if (period.kind() == Period.Kind.QUARTER) {
                addQuarterEnd(period.last(), contributor, delta.before(), delta.after());
            }
        });
        change.competitions().forEach((competition, delta) -> {
            add(competition, delta.before(), -1);
            add(competition, delta.after(), 1);
            if (!Objects.equals(delta.before(), delta.after())) {
                Set<Long> noted = competitionContributors.computeIfAbsent(competition, c -> new LinkedHashSet<>());
                if (noted.size() < contributorsPerCell) {
                    noted.add(contributor);
                }
            }
        });
    }

    private void add(Period period, FlowContribution before, FlowContribution after) {
        Map<GroupedCount, int[]> table = periods.computeIfAbsent(period, p -> new HashMap<>());
        addCounts(table, before, -1);
        addCounts(table, after, 1);
    }

    /** A quarter's change of the head counts at its end (what a snapshot counts), and who changed in them. */
    private void addQuarterEnd(Quarter quarter, long contributor, FlowContribution before, FlowContribution after) {
        Contribution endBefore = before == null ? null : before.atEndContribution();
        Contribution endAfter = after == null ? null : after.atEndContribution();
        if (Objects.equals(endBefore, endAfter)) {
            return;
        }
        Map<Contribution, int[]> ends = quarterEnds.computeIfAbsent(quarter, q -> new HashMap<>());
        times(ends, endBefore, -1);
        times(ends, endAfter, 1);
        Map<CellKey, Set<Long>> noted = quarterEndContributors.computeIfAbsent(quarter, q -> new HashMap<>());
        ContributionChanges.changedCells(endBefore, endBefore == null ? List.of() : endBefore.cells(cells),
                endAfter, endAfter == null ? List.of() : endAfter.cells(cells),
                key -> ContributionChanges.noteContributor(noted, key, contributor, contributorsPerCell));
    }

    /**
     * Notes the employee in each (scope, tier) of the period where their counts differ: every cell they count in
     * before or after when their groups changed, otherwise where some measure's count changed.
     */
    private void noteContributor(Period period, long contributor, FlowContribution before, FlowContribution after) {
        Map<CellKey, Set<Long>> noted = contributors.computeIfAbsent(period, p -> new HashMap<>());
        boolean sameGroups = before != null && after != null && before.groups().equals(after.groups());
        Map<CellKey, int[]> measures = new HashMap<>();
        spread(before, -1, noted, measures);
        spread(after, 1, noted, measures);
        measures.forEach((key, counts) -> {
            if (!sameGroups || !allZero(counts)) {
                ContributionChanges.noteContributor(noted, key, contributor, contributorsPerCell);
            }
        });
    }

    /** Adds a contribution's counts per cell and measure, for the cells where fewer than the limit are noted yet. */
    private void spread(FlowContribution contribution, int sign, Map<CellKey, Set<Long>> noted,
                        Map<CellKey, int[]> measures) {
        if (contribution == null) {
            return;
        }
        for (FlowContribution.Count count : contribution.counts()) {
            for (CellKey key : count.cells(cells)) {
                Set<Long> changed = noted.get(key);
                if (changed == null || changed.size() < contributorsPerCell) {
                    measures.computeIfAbsent(key, k -> new int[MEASURES])[count.measure().ordinal()] += sign;
                }
            }
        }
    }

    private static boolean allZero(int[] counts) {
        for (int count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
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

    /** Who changed in each (scope, tier) of each period, at most the limit per (period, scope, tier). */
    public SortedMap<Period, Map<CellKey, Set<Long>>> contributors() {
        return noted(contributors);
    }

    /** Who changed in each (scope, tier)'s head counts at each quarter's end, at most the limit per cell. */
    public SortedMap<Quarter, Map<CellKey, Set<Long>>> quarterEndContributors() {
        return noted(quarterEndContributors);
    }

    private static <T extends Comparable<T>> SortedMap<T, Map<CellKey, Set<Long>>> noted(
            Map<T, Map<CellKey, Set<Long>>> byTable) {
        SortedMap<T, Map<CellKey, Set<Long>>> changed = new TreeMap<>();
        byTable.forEach((table, noted) -> {
            Map<CellKey, Set<Long>> cellsNoted = new HashMap<>();
            noted.forEach((key, employees) -> {
                if (!employees.isEmpty()) {
                    cellsNoted.put(key, Set.copyOf(employees));
                }
            });
            if (!cellsNoted.isEmpty()) {
                changed.put(table, cellsNoted);
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

    /** Who changed in each competition's funnel, at most the limit per competition. */
    public SortedMap<String, Set<Long>> competitionContributors() {
        SortedMap<String, Set<Long>> changed = new TreeMap<>();
        competitionContributors.forEach((competition, noted) -> changed.put(competition, Set.copyOf(noted)));
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
