package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import ca.calgary.representation.events.Level;
import org.junit.jupiter.api.Test;

class ContributionChangesTest {

    private static final Placement PATROL = new Placement(Level.FRONTLINE, "City/Public Safety/Police/Patrol",
            "POLICE");
    private static final Placement FINANCE = new Placement(Level.FRONTLINE, "City/Corporate/Finance", "CORPORATE");
    private static final Set<Group> BLACK = Set.of(Group.TOTAL, Group.RESPONDED, Group.BLACK,
            Group.RACIALIZED, Group.INDIGENOUS_BLACK_RACIALIZED);

    private static ContributionChanges changes() {
        return new ContributionChanges(new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY), 10);
    }

    @Test
    void aTransferMovesTheEmployeeBetweenUnitsAndLeavesTheOrganisationsCountsAlone() {
        ContributionChanges changes = changes();
        changes.add("e1", new Contribution(PATROL, BLACK, false), new Contribution(FINANCE, BLACK, false));

        var cells = changes.cells();
        assertThat(cells).doesNotContainKey(new CellKey(Scope.ORG, Tier.ALL));
        assertThat(cells.get(new CellKey(Scope.unit("City/Public Safety/Police/Patrol"), Tier.ALL))
                .count(Group.BLACK)).isEqualTo(-1);
        assertThat(cells.get(new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL))
                .count(Group.BLACK)).isEqualTo(1);
    }

    @Test
    void aWorkingGroupMemberCountsInItsAllTierAndALeaderInItsLeadershipToo() {
        ContributionChanges changes = changes();
        Scope antiHate = Scope.workingGroup("AH");
        changes.add("member", null, new Contribution(PATROL, BLACK, false, java.util.Map.of("AH", false)));
        changes.add("chair", null, new Contribution(FINANCE, BLACK, false, java.util.Map.of("AH", true)));

        assertThat(changes.cells().get(new CellKey(antiHate, Tier.ALL)).count(Group.BLACK)).isEqualTo(2);
        assertThat(changes.cells().get(new CellKey(antiHate, Tier.LEADERSHIP)).count(Group.BLACK)).isEqualTo(1);
        assertThat(changes.cells()).doesNotContainKey(new CellKey(antiHate, Tier.MANAGEMENT));
        assertThat(changes.cells().get(new CellKey(Scope.ORG, Tier.ALL)).count(Group.BLACK))
                .as("the working group adds no one to the organisation").isEqualTo(2);
    }

    @Test
    void anAppointmentChangesTheEmployeeInTheWorkingGroupOnlyForTheReleaseRule() {
        ContributionChanges changes = changes();
        Scope antiHate = Scope.workingGroup("AH");
        changes.add("e1", new Contribution(PATROL, BLACK, false),
                new Contribution(PATROL, BLACK, false, java.util.Map.of("AH", true)));

        assertThat(changes.contributors().keySet()).containsExactlyInAnyOrder(new CellKey(antiHate, Tier.ALL),
                new CellKey(antiHate, Tier.LEADERSHIP));
        assertThat(changes.cells().keySet()).containsExactlyInAnyOrder(new CellKey(antiHate, Tier.ALL),
                new CellKey(antiHate, Tier.LEADERSHIP));
    }

    @Test
    void manyEmployeesAreSummedAndWhatCancelsOutIsNotSent() {
        ContributionChanges changes = changes();
        for (int i = 0; i < 10; i++) {
            changes.add("e" + i, null, new Contribution(PATROL, BLACK, false));
        }
        changes.add("f", new Contribution(FINANCE, BLACK, true), null);
        changes.add("g", null, new Contribution(FINANCE, BLACK, true));

        assertThat(changes.cells().get(new CellKey(Scope.ORG, Tier.ALL)).count(Group.BLACK)).isEqualTo(10);
        assertThat(changes.cells()).doesNotContainKey(new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL));
    }

    @Test
    void aTransferChangesTheEmployeeInTheUnitsTheyLeaveAndJoinNotInTheOrganisationTheyStayIn() {
        ContributionChanges changes = changes();
        changes.add("e1", new Contribution(PATROL, BLACK, false), new Contribution(FINANCE, BLACK, false));

        var contributors = changes.contributors();
        long e1 = Releases.contributor("e1");
        assertThat(contributors).doesNotContainKey(new CellKey(Scope.ORG, Tier.ALL));
        assertThat(contributors.get(new CellKey(Scope.unit("City/Public Safety/Police/Patrol"), Tier.ALL)))
                .containsExactly(e1);
        assertThat(contributors.get(new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL)))
                .containsExactly(e1);
    }

    @Test
    void aNewSelfIdentificationChangesTheEmployeeInEveryCellTheyCountIn() {
        ContributionChanges changes = changes();
        changes.add("e1", new Contribution(PATROL, Set.of(Group.TOTAL, Group.NOT_DISCLOSED), false),
                new Contribution(PATROL, BLACK, false));

        assertThat(changes.contributors().keySet()).containsExactlyInAnyOrderElementsOf(
                new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY).cells(PATROL));
    }

    @Test
    void whoChangedIsNotedEvenWhereTheCountsCancelOutAndAtMostTheThresholdPerCell() {
        ContributionChanges changes = new ContributionChanges(
                new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY), 3);
        changes.add("leaver", new Contribution(FINANCE, BLACK, false), null);
        changes.add("joiner", null, new Contribution(FINANCE, BLACK, false));
        for (int i = 0; i < 10; i++) {
            changes.add("e" + i, null, new Contribution(PATROL, BLACK, false));
        }

        CellKey finance = new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL);
        assertThat(changes.cells()).doesNotContainKey(finance);
        assertThat(changes.contributors().get(finance)).containsExactlyInAnyOrder(
                Releases.contributor("leaver"), Releases.contributor("joiner"));
        assertThat(changes.contributors().get(new CellKey(Scope.ORG, Tier.ALL))).hasSize(3);
    }
}
