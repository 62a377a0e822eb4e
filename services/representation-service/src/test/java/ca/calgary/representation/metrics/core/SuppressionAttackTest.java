package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.metrics.GoldenCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plays an attacker who has only the published feed and tries every sum and difference SPEC §9 names: TOTAL against
 * its parts, INDIGENOUS against its identities, RACIALIZED against its categories, and a unit against its child
 * units. Wherever such a family hides exactly one count, that count could be recomputed: none may.
 */
class SuppressionAttackTest {

    /** The published rows of one family whose counts add up, reconstructed from the feed alone. */
    private record Family(String name, List<CellFigures> members) {
    }

    static List<String> recoverable(List<CellFigures> feed) {
        List<String> leaks = new ArrayList<>(recoverable(feed, CellFigures::suppressed, "count"));
        leaks.addAll(recoverable(feed, row -> row.activeMentees() == null, "active mentees"));
        return leaks;
    }

    static List<String> recoverable(List<CellFigures> feed, java.util.function.Predicate<CellFigures> hiddenCount,
                                    String what) {
        Map<String, CellFigures> byId = new HashMap<>();
        feed.forEach(row -> byId.put(row.cellId(), row));
        List<Family> families = new ArrayList<>();
        Map<String, List<CellFigures>> byScopeTier = new HashMap<>();
        feed.forEach(row -> byScopeTier.computeIfAbsent(row.scope().id() + "|" + row.tier(), k -> new ArrayList<>())
                .add(row));
        byScopeTier.forEach((scopeTier, rows) -> {
            families.add(family(scopeTier + " TOTAL = RESPONDED + NOT_DISCLOSED", rows,
                    Set.of(Group.TOTAL, Group.RESPONDED, Group.NOT_DISCLOSED)));
            families.add(family(scopeTier + " INDIGENOUS", rows,
                    Set.of(Group.INDIGENOUS, Group.FIRST_NATIONS, Group.METIS, Group.INUIT)));
            Set<Group> racialized = EnumSet.of(Group.RACIALIZED);
            racialized.addAll(Group.RACIALIZED_CATEGORIES);
            families.add(family(scopeTier + " RACIALIZED", rows, racialized));
        });
        for (CellFigures parent : feed) {
            if (!parent.scope().isUnit()) {
                continue;
            }
            List<CellFigures> members = new ArrayList<>();
            members.add(parent);
            for (CellFigures candidate : feed) {
                if (candidate.tier() == parent.tier() && candidate.group() == parent.group()
                        && candidate.scope().parentUnit().map(parent.scope()::equals).orElse(false)) {
                    members.add(candidate);
                }
            }
            if (members.size() > 1) {
                families.add(new Family(parent.cellId() + " vs child units", members));
            }
        }
        List<String> leaks = new ArrayList<>();
        for (Family family : families) {
            List<CellFigures> hidden = family.members().stream().filter(hiddenCount).toList();
            if (hidden.size() == 1) {
                leaks.add(family.name() + ": " + what + " of " + hidden.get(0).cellId() + " = the published whole "
                        + "minus the published parts");
            }
        }
        return leaks;
    }

    private static Family family(String name, List<CellFigures> rows, Set<Group> groups) {
        return new Family(name, rows.stream().filter(row -> groups.contains(row.group())).toList());
    }

    @Test
    void theSmallCellsGoldenCaseLeaksNothing() {
        GoldenCase golden = GoldenCase.load(GoldenCase.ROOT.resolve("06-small-cells"));
        List<CellFigures> feed = new RepresentationCalculator(golden.config().minCellSize()).figures(
                ReferenceFold.table(golden.events(), golden.asOf(), golden.config()),
                new Benchmarks(golden.benchmarks()), golden.asOf());

        assertThat(feed).anyMatch(CellFigures::suppressed);
        assertThat(recoverable(feed)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomWorkforcesLeakNothing(long seed) {
        Random random = new Random(seed);
        String[] units = {"City/Public Safety/Police/Patrol", "City/Public Safety/Police/Investigations",
                "City/Public Safety/Police", "City/Public Safety/Fire/Operations", "City/Public Safety/Fire/Prevention",
                "City/Corporate/Finance", "City/Corporate/People"};
        Map<CellKey, GroupCounts> table = new HashMap<>();
        int employees = 20 + random.nextInt(300);
        for (int i = 0; i < employees; i++) {
            EmployeeState state = randomEmployee(random, units, i);
            boolean mentee = random.nextInt(5) == 0;
            for (CellKey key : CellKey.of(state.placement(), RepresentationConfig.DEFAULT_PUBLIC_SAFETY)) {
                table.merge(key, GroupCounts.empty().plus(state.groups(), mentee, 1),
                        (a, b) -> a.plus(state.groups(), mentee, 1));
            }
        }
        List<CellFigures> feed = new RepresentationCalculator(10).figures(table, Benchmarks.none(),
                LocalDate.of(2025, 1, 1));

        assertThat(recoverable(feed)).isEmpty();
        assertThat(feed).anyMatch(row -> row.activeMentees() == null && !row.suppressed());
        // Primary suppression holds: no published count is small, none of N minus it either.
        assertThat(feed).filteredOn(row -> !row.suppressed() && row.group() != Group.TOTAL)
                .allSatisfy(row -> assertThat(SmallCountSuppression.isSmall(row.count(), row.headcount(), 10)).isFalse());
    }

    /** An employee hired in 2020 into one of these units at a random level, self-identified at random. */
    static EmployeeState randomEmployee(Random random, String[] units, int id) {
        String unit = units[random.nextInt(units.length)];
        Placement placement = new Placement(Level.values()[random.nextInt(Level.values().length)], unit,
                unit.contains("Police") ? "POLICE" : unit.contains("Fire") ? "FIRE" : "CORPORATE");
        return EmployeeHistory.empty()
                .with(EmployeeEvent.placement("h" + id, LocalDate.of(2020, 1, 1), Instant.EPOCH,
                        EmployeeEvent.Kind.HIRED, placement))
                .with(EmployeeEvent.selfIdentified("s" + id, LocalDate.of(2020, 1, 1), Instant.EPOCH,
                        randomIdentification(random)))
                .stateAsOf(LocalDate.of(2025, 1, 1));
    }

    private static SelfIdentification randomIdentification(Random random) {
        if (random.nextInt(4) == 0) {
            return SelfIdentification.NOT_DISCLOSED;
        }
        Set<IndigenousIdentity> indigenous = EnumSet.noneOf(IndigenousIdentity.class);
        Set<RaceCategory> race = EnumSet.noneOf(RaceCategory.class);
        if (random.nextInt(8) == 0) {
            indigenous.add(IndigenousIdentity.values()[random.nextInt(3)]);
        }
        race.add(random.nextInt(2) == 0 ? RaceCategory.WHITE : RaceCategory.values()[random.nextInt(8)]);
        if (random.nextInt(10) == 0) {
            race.add(RaceCategory.values()[random.nextInt(8)]);
        }
        return new SelfIdentification(true, indigenous, race);
    }
}
