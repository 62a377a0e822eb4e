package ca.calgary.representation.metrics.core;

import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.BLACK;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.CONSTABLE;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.FIRST;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.SERGEANT;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.TODAY;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.constableWhoIsPromotedThenLeaves;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.hired;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.history;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.promoted;
import static ca.calgary.representation.metrics.core.EmployeeFlowsTest.selfIdentified;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.events.Level;

import org.junit.jupiter.api.Test;

class FlowChangesTest {

    static final CellKey ORG_ALL = new CellKey(Scope.ORG, Tier.ALL);
    static final Period Q2 = Period.quarter(new Quarter(2024, 2));

    private static EmployeeFlows flows(EmployeeHistory history) {
        return EmployeeFlows.of(history, FIRST, TODAY);
    }

    /** The changes of one employee, summed. */
    private static FlowChanges changes(EmployeeFlows.Change... changes) {
        FlowChanges sum = new FlowChanges(new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY), 10);
        for (EmployeeFlows.Change change : changes) {
            sum.add("employee", change);
        }
        return sum;
    }

    @Test
    void whoChangedIsNotedWhereTheirCountsDifferNotWhereTheChangeCancels() {
        Placement investigator = new Placement(Level.FRONTLINE,
                "City/Public Safety/Calgary Police Service/Investigations", "POLICE");
        EmployeeHistory constable = history(hired("2023-06-01", CONSTABLE), selfIdentified("2023-06-01", BLACK));
        EmployeeHistory transferred = constable.with(EmployeeEvent.placement("transferred-2024-05-01",
                LocalDate.parse("2024-05-01"), EmployeeFlowsTest.at("2024-05-01"),
                EmployeeEvent.Kind.TRANSFERRED, investigator));
        FlowChanges sum = changes(EmployeeFlows.diff(flows(constable), flows(transferred)));

        Map<CellKey, Set<Long>> q2 = sum.contributors().get(Q2);
        long employee = Releases.contributor("employee");
        assertThat(q2).as("both units' counts at the end of the quarter changed")
                .containsEntry(new CellKey(Scope.unit(EmployeeFlowsTest.PATROL), Tier.ALL), Set.of(employee))
                .containsEntry(new CellKey(Scope.unit(investigator.orgUnitPath()), Tier.ALL),
                        Set.of(employee));
        assertThat(q2).as("the service's and the organisation's did not")
                .doesNotContainKey(new CellKey(Scope.unit("City/Public Safety/Calgary Police Service"), Tier.ALL))
                .doesNotContainKey(ORG_ALL);
        assertThat(sum.contributors()).as("periods that ended before the transfer are unchanged")
                .doesNotContainKey(Period.quarter(new Quarter(2024, 1)));
        assertThat(sum.quarterEndContributors().get(new Quarter(2024, 2)))
                .as("the quarter-end head counts: the two units alike").isEqualTo(q2);
    }

    @Test
    void aChangeOfGroupsNotesTheEmployeeEverywhereTheyCountEvenWhereTheHeadCountIsUnchanged() {
        EmployeeHistory before = history(hired("2023-06-01", CONSTABLE));
        FlowChanges sum = changes(EmployeeFlows.diff(flows(before),
                flows(before.with(selfIdentified("2024-02-10", BLACK)))));

        assertThat(sum.contributors().get(Q2)).containsEntry(ORG_ALL, Set.of(Releases.contributor("employee")));
    }

    @Test
    void atMostTheLimitOfEmployeesAreNotedPerCell() {
        FlowChanges sum = new FlowChanges(new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY), 3);
        for (int i = 0; i < 5; i++) {
            sum.add("employee-" + i, EmployeeFlows.diff(EmployeeFlows.NONE, flows(constableWhoIsPromotedThenLeaves())));
        }

        assertThat(sum.contributors().get(Q2).get(ORG_ALL)).hasSize(3);
        assertThat(sum.periods().get(Q2).get(ORG_ALL).count(FlowMeasure.HEADCOUNT_AT_START, Group.TOTAL))
                .as("the counts are all there").isEqualTo(5);
    }

    @Test
    void anEmployeeWhoArrivesAddsTheirContributionToEveryPeriodAndQuarterEnd() {
        FlowChanges sum = changes(EmployeeFlows.diff(EmployeeFlows.NONE, flows(constableWhoIsPromotedThenLeaves())));

        FlowCounts q2 = sum.periods().get(Q2).get(ORG_ALL);
        assertThat(q2.count(FlowMeasure.HEADCOUNT_AT_START, Group.BLACK)).isEqualTo(1);
        assertThat(q2.count(FlowMeasure.HEADCOUNT_AT_START, Group.TOTAL)).isEqualTo(1);
        assertThat(sum.quarterEnds().get(new Quarter(2024, 2)).get(ORG_ALL).count(Group.BLACK)).isEqualTo(1);
        // separated in Q3: no one at the end of the quarter in progress
        assertThat(sum.quarterEnds()).doesNotContainKey(new Quarter(2024, 3));
    }

    @Test
    void aChangeSubtractsTheOldContributionSoOnlyTheDifferenceIsSent() {
        EmployeeHistory before = history(hired("2023-06-01", CONSTABLE));
        EmployeeHistory after = before.with(selfIdentified("2024-02-10", BLACK));
        FlowChanges sum = changes(EmployeeFlows.diff(flows(before), flows(after)));

        FlowCounts q2 = sum.periods().get(Q2).get(ORG_ALL);
        assertThat(q2.count(FlowMeasure.HEADCOUNT_AT_START, Group.TOTAL)).isZero();
        assertThat(q2.count(FlowMeasure.HEADCOUNT_AT_START, Group.NOT_DISCLOSED)).isEqualTo(-1);
        assertThat(q2.count(FlowMeasure.HEADCOUNT_AT_START, Group.BLACK)).isEqualTo(1);
    }

    @Test
    void changesThatCancelOutAreNotSentAtAll() {
        EmployeeHistory constable = history(hired("2023-06-01", CONSTABLE));
        EmployeeHistory sergeant = constable.with(promoted("2024-05-01", SERGEANT, null));
        FlowChanges sum = changes(EmployeeFlows.diff(flows(constable), flows(sergeant)),
                EmployeeFlows.diff(flows(sergeant), flows(constable)));

        assertThat(sum.periods()).isEmpty();
        assertThat(sum.quarterEnds()).isEmpty();
        assertThat(sum.competitions()).isEmpty();
    }

    @Test
    void countsThatBothContributionsAddToCancelAndTheRestIsWhatRemovingAndAddingGives() {
        EmployeeHistory constable = history(hired("2023-06-01", CONSTABLE), selfIdentified("2023-06-01", BLACK));
        EmployeeHistory sergeant = constable.with(promoted("2024-05-01", SERGEANT, null));
        FlowChanges promotion = changes(EmployeeFlows.diff(flows(constable), flows(sergeant)));
        // the same, the long way: the whole old contribution removed, the whole new one added
        FlowChanges removedAndAdded = changes(EmployeeFlows.diff(flows(constable), EmployeeFlows.NONE),
                EmployeeFlows.diff(EmployeeFlows.NONE, flows(sergeant)));

        assertThat(promotion.periods().keySet()).isEqualTo(removedAndAdded.periods().keySet());
        promotion.periods().forEach((period, cells) -> {
            assertThat(cells.keySet()).as("%s", period).isEqualTo(removedAndAdded.periods().get(period).keySet());
            cells.forEach((key, counts) -> {
                for (int i = 0; i < FlowCounts.SIZE; i++) {
                    assertThat(counts.at(i)).isEqualTo(removedAndAdded.periods().get(period).get(key).at(i));
                }
            });
        });
        assertThat(promotion.quarterEnds()).isEqualTo(removedAndAdded.quarterEnds());
        // still employed in the organisation throughout: its head count at the start of Q3 does not change
        assertThat(promotion.periods().get(Period.quarter(new Quarter(2024, 3))).get(ORG_ALL)).isNull();
    }

    @Test
    void manyEmployeesAreCoalescedIntoOneChangePerPeriod() {
        EmployeeFlows one = flows(history(hired("2023-06-01", CONSTABLE)));
        FlowChanges sum = changes(EmployeeFlows.diff(EmployeeFlows.NONE, one),
                EmployeeFlows.diff(EmployeeFlows.NONE, one), EmployeeFlows.diff(EmployeeFlows.NONE, one));

        Map<CellKey, FlowCounts> q2 = sum.periods().get(Q2);
        assertThat(q2.get(ORG_ALL).count(FlowMeasure.HEADCOUNT_AT_START, Group.TOTAL)).isEqualTo(3);
        assertThat(sum.periods()).hasSameSizeAs(one.periods());
    }

    @Test
    void countsSummedBeforeTheyAreSpreadOverCellsGiveWhatSpreadingEveryEmployeeGives() {
        Placement transferred = new Placement(Level.FRONTLINE, "City/Public Safety/Calgary Police Service/Traffic",
                "POLICE");
        EmployeeHistory constable = history(hired("2023-06-01", CONSTABLE), selfIdentified("2023-06-01", BLACK));
        EmployeeHistory undisclosed = history(hired("2024-02-01", transferred));
        EmployeeHistory sergeant = constable.with(promoted("2024-05-01", SERGEANT, null));
        List<EmployeeFlows.Change> changes = List.of(
                EmployeeFlows.diff(EmployeeFlows.NONE, flows(constable)),
                EmployeeFlows.diff(EmployeeFlows.NONE, flows(undisclosed)),
                EmployeeFlows.diff(flows(constable), flows(sergeant)),
                EmployeeFlows.diff(EmployeeFlows.NONE, flows(constableWhoIsPromotedThenLeaves())),
                EmployeeFlows.diff(flows(undisclosed), EmployeeFlows.NONE));
        FlowChanges sum = changes(changes.toArray(EmployeeFlows.Change[]::new));

        // the reference: every employee's contributions spread over their cells one count at a time
        PlacementCells cells = new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY);
        Map<Period, Map<CellKey, long[]>> expected = new java.util.TreeMap<>();
        for (EmployeeFlows.Change change : changes) {
            change.periods().forEach((period, delta) -> {
                spread(expected, period, delta.before(), -1, cells);
                spread(expected, period, delta.after(), 1, cells);
            });
        }
        expected.values().forEach(table -> table.values().removeIf(counts -> java.util.Arrays.stream(counts)
                .allMatch(count -> count == 0)));
        expected.values().removeIf(Map::isEmpty);

        assertThat(sum.periods().keySet()).isEqualTo(expected.keySet());
        sum.periods().forEach((period, table) -> {
            assertThat(table.keySet()).as("%s", period).isEqualTo(expected.get(period).keySet());
            table.forEach((key, counts) -> {
                for (int i = 0; i < FlowCounts.SIZE; i++) {
                    assertThat(counts.at(i)).as("%s %s count %d", period, key, i)
                            .isEqualTo(expected.get(period).get(key)[i]);
                }
            });
        });
    }

    private static void spread(Map<Period, Map<CellKey, long[]>> table, Period period,
                               FlowContribution contribution, int sign, PlacementCells cells) {
        if (contribution == null) {
            return;
        }
        for (FlowContribution.Increment increment : contribution.increments(cells)) {
            long[] counts = table.computeIfAbsent(period, p -> new java.util.HashMap<>())
                    .computeIfAbsent(increment.key(), key -> new long[FlowCounts.SIZE]);
            for (Group group : contribution.groups()) {
                counts[increment.measure().ordinal() * Group.values().length + group.ordinal()] += sign;
            }
        }
    }

    @Test
    void aCompetitionFunnelChangesByItsCandidates() {
        EmployeeHistory candidate = history(hired("2023-06-01", CONSTABLE),
                promoted("2024-05-01", SERGEANT, "C-1"));
        FlowChanges sum = changes(EmployeeFlows.diff(EmployeeFlows.NONE, flows(candidate)));

        CompetitionCalculator.Counts funnel = sum.competitions().get("C-1");
        assertThat(funnel.count(CompetitionEntry.Stage.PROMOTED, Group.TOTAL)).isEqualTo(1);
        assertThat(funnel.isZero()).isFalse();
    }
}
