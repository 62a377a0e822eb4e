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
        return new ContributionChanges(new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY));
    }

    @Test
    void aTransferMovesTheEmployeeBetweenUnitsAndLeavesTheOrganisationsCountsAlone() {
        ContributionChanges changes = changes();
        changes.add(new Contribution(PATROL, BLACK, false), new Contribution(FINANCE, BLACK, false));

        var cells = changes.cells();
        assertThat(cells).doesNotContainKey(new CellKey(Scope.ORG, Tier.ALL));
        assertThat(cells.get(new CellKey(Scope.unit("City/Public Safety/Police/Patrol"), Tier.ALL))
                .count(Group.BLACK)).isEqualTo(-1);
        assertThat(cells.get(new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL))
                .count(Group.BLACK)).isEqualTo(1);
    }

    @Test
    void manyEmployeesAreSummedAndWhatCancelsOutIsNotSent() {
        ContributionChanges changes = changes();
        for (int i = 0; i < 10; i++) {
            changes.add(null, new Contribution(PATROL, BLACK, false));
        }
        changes.add(new Contribution(FINANCE, BLACK, true), null);
        changes.add(null, new Contribution(FINANCE, BLACK, true));

        assertThat(changes.cells().get(new CellKey(Scope.ORG, Tier.ALL)).count(Group.BLACK)).isEqualTo(10);
        assertThat(changes.cells()).doesNotContainKey(new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL));
    }
}
