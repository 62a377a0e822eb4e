package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.RaceCategory;
import org.junit.jupiter.api.Test;

class GroupTest {

    private static Set<Group> groups(Set<IndigenousIdentity> indigenous, Set<RaceCategory> race) {
        return new SelfIdentification(true, indigenous, race).groups();
    }

    @Test
    void notDisclosedIsOnlyTotalAndNotDisclosed() {
        assertThat(SelfIdentification.NOT_DISCLOSED.groups()).containsExactlyInAnyOrder(Group.TOTAL, Group.NOT_DISCLOSED);
    }

    @Test
    void indigenousIdentitiesCountOnceTowardsMultiple() {
        assertThat(groups(Set.of(IndigenousIdentity.METIS, IndigenousIdentity.FIRST_NATIONS), Set.of()))
                .contains(Group.INDIGENOUS, Group.METIS, Group.FIRST_NATIONS, Group.INDIGENOUS_BLACK_RACIALIZED)
                .doesNotContain(Group.MULTIPLE, Group.RACIALIZED);
    }

    @Test
    void whiteCountsTowardsMultipleButIsNotRacialized() {
        assertThat(groups(Set.of(), Set.of(RaceCategory.BLACK, RaceCategory.WHITE)))
                .contains(Group.BLACK, Group.RACIALIZED, Group.MULTIPLE)
                .doesNotContain(Group.WHITE_ONLY);
        assertThat(groups(Set.of(IndigenousIdentity.INUIT), Set.of(RaceCategory.WHITE)))
                .contains(Group.INDIGENOUS, Group.MULTIPLE).doesNotContain(Group.WHITE_ONLY, Group.RACIALIZED);
    }

    @Test
    void whiteOnlyIsWhiteAndNothingElse() {
        assertThat(groups(Set.of(), Set.of(RaceCategory.WHITE)))
                .containsExactlyInAnyOrder(Group.TOTAL, Group.RESPONDED, Group.WHITE_ONLY);
    }
}
