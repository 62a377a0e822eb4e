package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ca.calgary.representation.events.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Figures computed only where their inputs changed must add up, publication after publication, to exactly the
 * figures of the whole table computed afresh: through hires and departures that change suppression elsewhere in a
 * family, mentee changes, benchmark changes and a new day.
 */
class ChangedFiguresTest {

    private static final String[] UNITS = {"City/Public Safety/Police/Patrol", "City/Public Safety/Police",
            "City/Public Safety/Fire/Operations", "City/Corporate/Finance", "City/Corporate/People"};
    private static final RepresentationCalculator CALCULATOR = new RepresentationCalculator(3);

    private record Employee(Placement placement, Set<Group> groups, boolean mentee) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void whatChangedAddsUpToTheWholeTableAfterEveryChange(long seed) {
        Random random = new Random(seed);
        List<Employee> employees = new ArrayList<>();
        Map<CellKey, GroupCounts> table = new HashMap<>();
        ChangedFigures changedFigures = new ChangedFigures(CALCULATOR);
        Map<String, CellFigures> feed = new HashMap<>();
        Benchmarks benchmarks = Benchmarks.none();
        LocalDate asOf = LocalDate.of(2025, 1, 1);
        long recomputed = 0;
        long computedAfresh = 0;
        int steps = 400;
        for (int step = 0; step < steps; step++) {
            int move = random.nextInt(20);
            if (move == 0) {
                benchmarks = new Benchmarks(List.of(new Benchmark(new Scope(UNITS[random.nextInt(UNITS.length)]),
                        Group.BLACK, BigDecimal.valueOf(random.nextInt(20) + 1, 2), "census", 2021)));
            } else if (move == 1) {
                asOf = asOf.plusDays(1);
            } else if (move < 8 && !employees.isEmpty()) {
                apply(table, employees.remove(random.nextInt(employees.size())), -1);
            } else {
                Employee hired = randomEmployee(random, step);
                employees.add(hired);
                apply(table, hired, 1);
            }
            ChangedFigures.Changes changes = changedFigures.since(table, benchmarks, asOf);
            if (changes.complete()) {
                feed.clear();
            }
            for (CellKey key : changes.gone()) {
                for (Group group : Group.values()) {
                    feed.remove(CellFigures.cellId(key, group));
                }
            }
            changes.figures().forEach(figures -> feed.put(figures.cellId(), figures));
            recomputed += changes.figures().size();

            Map<String, CellFigures> afresh = new HashMap<>();
            CALCULATOR.figures(table, benchmarks, asOf).forEach(figures -> afresh.put(figures.cellId(), figures));
            assertThat(feed).as("after step %d", step).isEqualTo(afresh);
            computedAfresh += afresh.size();
        }
        // and it is worth it, even in a table this small, where every change touches the whole organisation's cells
        assertThat(recomputed).isLessThan(computedAfresh / 2);
    }

    @Test
    void aCellWhoseCountsDidNotChangeIsComputedAgainWhenItsFamilyMakesItSuppressed() {
        Map<CellKey, GroupCounts> table = new HashMap<>();
        ChangedFigures changedFigures = new ChangedFigures(CALCULATOR);
        Placement patrol = new Placement(Level.FRONTLINE, "City/Public Safety/Police/Patrol", "POLICE");
        for (int i = 0; i < 10; i++) {
            apply(table, new Employee(patrol, Set.of(Group.TOTAL, Group.RESPONDED, Group.WHITE_ONLY), false), 1);
            apply(table, new Employee(patrol, Set.of(Group.TOTAL, Group.RESPONDED, Group.INDIGENOUS_BLACK_RACIALIZED,
                    Group.RACIALIZED, Group.BLACK), false), 1);
        }
        changedFigures.since(table, Benchmarks.none(), LocalDate.of(2025, 1, 1));
        // one East Asian patrol officer: a primary suppression in the patrol cell, complementary ones beside it
        apply(table, new Employee(patrol, Set.of(Group.TOTAL, Group.RESPONDED, Group.INDIGENOUS_BLACK_RACIALIZED,
                Group.RACIALIZED, Group.EAST_ASIAN), false), 1);
        ChangedFigures.Changes changes = changedFigures.since(table, Benchmarks.none(), LocalDate.of(2025, 1, 1));
        assertThat(changes.complete()).isFalse();
        assertThat(changes.figures()).anyMatch(figures -> figures.group() == Group.EAST_ASIAN && figures.suppressed());
        Map<String, CellFigures> afresh = new HashMap<>();
        CALCULATOR.figures(table, Benchmarks.none(), LocalDate.of(2025, 1, 1))
                .forEach(figures -> afresh.put(figures.cellId(), figures));
        assertThat(changes.figures()).allMatch(figures -> figures.equals(afresh.get(figures.cellId())));
    }

    private static Employee randomEmployee(Random random, int step) {
        EmployeeState state = SuppressionAttackTest.randomEmployee(random, UNITS, step);
        return new Employee(state.placement(), state.groups(), random.nextInt(4) == 0);
    }

    private static void apply(Map<CellKey, GroupCounts> table, Employee employee, int sign) {
        for (CellKey key : CellKey.of(employee.placement(), RepresentationConfig.DEFAULT_PUBLIC_SAFETY)) {
            GroupCounts counts = table.getOrDefault(key, GroupCounts.empty())
                    .plus(employee.groups(), employee.mentee(), sign);
            if (counts.equals(GroupCounts.empty())) {
                table.remove(key);
            } else {
                table.put(key, counts);
            }
        }
    }
}
