package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.RaceCategory;
import org.junit.jupiter.api.Test;

/**
 * Complementary suppression picks a partner for a lone withheld count, and with ties the pick depends on the order
 * the families are looked at. A table's map gives its cells in an order that depends on how it was built (restored
 * from a store, changed live) and on hash codes (an enum's differs between JVMs): were the families taken in that
 * order, the same counts could be withheld one way before a restart or rebalance and another way after, and the two
 * publications together would give away what each withholds. The same counts in any order must be withheld the same
 * way.
 */
class SuppressionOrderTest {

    private static final int K = 5;
    private static final Period PERIOD = Period.parse("2024-Q2");

    @Test
    void theSameCountsAreWithheldTheSameWayWhateverTheOrderOfTheTable() {
        Random random = new Random(2027);
        for (int trial = 0; trial < 20; trial++) {
            Map<CellKey, GroupCounts> live = new LinkedHashMap<>();
            Map<CellKey, FlowCounts> flows = new LinkedHashMap<>();
            for (CellKey key : keys()) {
                long[] counts = new long[Group.values().length];
                for (int g = 0; g < counts.length; g++) {
                    counts[g] = random.nextInt(12);
                }
                live.put(key, new GroupCounts(counts, new long[counts.length]));
                FlowCounts flow = new FlowCounts();
                for (FlowMeasure measure : FlowMeasure.values()) {
                    for (Group group : Group.values()) {
                        flow.add(measure, Set.of(group), random.nextInt(12));
                    }
                }
                flows.put(key, flow);
            }
            FlowCalculator calculator = new FlowCalculator(K, new ReferenceGroup(Group.WHITE_ONLY));
            Set<Suppression.Cell> liveWithheld = Suppression.suppressed(live, K);
            List<FlowFigures> flowFigures = calculator.figures(PERIOD, flows, CompetitionCalculatorTest.TODAY);
            for (int order = 0; order < 5; order++) {
                assertThat(Suppression.suppressed(shuffled(live, random), K)).isEqualTo(liveWithheld);
                assertThat(calculator.figures(PERIOD, shuffled(flows, random), CompetitionCalculatorTest.TODAY))
                        .isEqualTo(flowFigures);
            }
        }
    }

    @Test
    void theSameFunnelsAreWithheldTheSameWayWhateverTheOrderOfTheCompetitions() {
        Random random = new Random(2023);
        List<String> units = List.of("City/Corporate", "City/Operations", "City/Operations/Transit");
        Level[] levels = {Level.SUPERVISOR, Level.MANAGER, Level.DIRECTOR};
        List<Set<Group>> candidates = List.of(CompetitionCalculatorTest.WHITE, CompetitionCalculatorTest.BLACK,
                new SelfIdentification(true, Set.of(), Set.of(RaceCategory.SOUTH_ASIAN)).groups());
        for (int trial = 0; trial < 10; trial++) {
            Map<String, CompetitionCalculator.Counts> competitions = new LinkedHashMap<>();
            Map<String, CompetitionOpening> openings = new LinkedHashMap<>();
            for (int c = 0; c < 30; c++) {
                String id = "C-" + c;
                CompetitionCalculator.Counts counts = new CompetitionCalculator.Counts();
                for (int i = random.nextInt(15); i >= 0; i--) {
                    counts.add(new CompetitionEntry(CompetitionEntry.Stage.values()[random.nextInt(3)],
                            candidates.get(random.nextInt(candidates.size()))), 1);
                }
                competitions.put(id, counts);
                openings.put(id, new CompetitionOpening(id, LocalDate.of(2024, 1 + random.nextInt(6), 1),
                        java.time.Instant.EPOCH, "open-" + id, new Placement(levels[random.nextInt(levels.length)],
                        units.get(random.nextInt(units.size())), "CORPORATE")));
            }
            CompetitionCalculator calculator = new CompetitionCalculator(K, new ReferenceGroup(Group.WHITE_ONLY),
                    RepresentationConfig.DEFAULT_PUBLIC_SAFETY, Quarter.parse("2023-Q1"));
            Set<CompetitionFigures> published = Set.copyOf(calculator.figures(competitions, openings,
                    CompetitionCalculatorTest.TODAY));
            for (int order = 0; order < 3; order++) {
                assertThat(Set.copyOf(calculator.figures(shuffled(competitions, random), shuffled(openings, random),
                        CompetitionCalculatorTest.TODAY))).isEqualTo(published);
            }
        }
    }

    /** Every tier of the organisation, a unit, its two child units and a grandchild. */
    private static List<CellKey> keys() {
        List<CellKey> keys = new ArrayList<>();
        for (Scope scope : List.of(Scope.ORG, Scope.unit("City"), Scope.unit("City/Corporate"),
                Scope.unit("City/Operations"), Scope.unit("City/Operations/Transit"))) {
            for (Tier tier : Tier.values()) {
                keys.add(new CellKey(scope, tier));
            }
        }
        return keys;
    }

    private static <K, V> Map<K, V> shuffled(Map<K, V> table, Random random) {
        List<K> keys = new ArrayList<>(table.keySet());
        Collections.shuffle(keys, random);
        Map<K, V> copy = new LinkedHashMap<>();
        keys.forEach(key -> copy.put(key, table.get(key)));
        return copy;
    }
}
