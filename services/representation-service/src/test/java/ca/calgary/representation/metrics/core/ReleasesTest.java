package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReleasesTest {

    private static final CellKey UNIT = new CellKey(Scope.unit("City/Corporate/Finance"), Tier.ALL);
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final Set<Group> BLACK = Set.of(Group.TOTAL, Group.RESPONDED, Group.BLACK, Group.RACIALIZED,
            Group.INDIGENOUS_BLACK_RACIALIZED);

    private static GroupCounts counts(int others, int black) {
        return GroupCounts.empty().plus(Set.of(Group.TOTAL, Group.WHITE_ONLY, Group.RESPONDED), false, others)
                .plus(BLACK, false, black);
    }

    @Test
    void aFirstComputationReleasesEveryCellAtOnce() {
        Releases releases = new Releases(10);
        Releases.Decision decision = releases.release(Map.of(UNIT, counts(230, 11)), MONDAY);

        assertThat(decision.published().get(UNIT).counts()).isEqualTo(counts(230, 11));
        assertThat(decision.published().get(UNIT).on()).isEqualTo(MONDAY);
        assertThat(decision.updated()).containsKey(UNIT);
    }

    @Test
    void untilACellIsReleasedWhatComesIsAFirstComputation() {
        Releases releases = new Releases(10);
        releases.changed(UNIT, List.of(Releases.contributor("first")));
        assertThat(releases.anyReleased()).isFalse();
        releases.release(Map.of(UNIT, counts(230, 11)), MONDAY);
        assertThat(releases.anyReleased()).isTrue();
        releases.release(Map.of(), TUESDAY);
        assertThat(releases.anyReleased()).as("everyone left: the next table is a first computation again").isFalse();

        Releases restored = new Releases(10);
        restored.restore(UNIT, new Releases.Release<>(counts(230, 11), MONDAY, java.util.Set.of()));
        assertThat(restored.anyReleased()).isTrue();
    }

    @Test
    void aCellKeepsItsReleasedCountsUntilTheThresholdOfEmployeesHasChangedInIt() {
        Releases releases = new Releases(3);
        releases.release(Map.of(UNIT, counts(230, 11)), MONDAY);

        releases.changed(UNIT, List.of(Releases.contributor("new-hire")));
        Releases.Decision held = releases.release(Map.of(UNIT, counts(230, 12)), TUESDAY);
        assertThat(held.published().get(UNIT).counts()).isEqualTo(counts(230, 11));
        assertThat(held.published().get(UNIT).on()).isEqualTo(MONDAY);
        assertThat(held.updated()).isEmpty();

        // the same person again does not count twice
        assertThat(releases.changed(UNIT, List.of(Releases.contributor("new-hire")))).isNull();
        releases.changed(UNIT, List.of(Releases.contributor("second")));
        assertThat(releases.release(Map.of(UNIT, counts(231, 12)), TUESDAY).published().get(UNIT).counts())
                .isEqualTo(counts(230, 11));

        releases.changed(UNIT, List.of(Releases.contributor("third")));
        Releases.Decision released = releases.release(Map.of(UNIT, counts(232, 12)), TUESDAY);
        assertThat(released.published().get(UNIT).counts()).isEqualTo(counts(232, 12));
        assertThat(released.published().get(UNIT).on()).isEqualTo(TUESDAY);
        assertThat(released.updated().get(UNIT).changedSince()).isEmpty();
    }

    @Test
    void aCellFirstSeenAfterTheFirstComputationIsReleasedAtOnceAndThenHeld() {
        Releases releases = new Releases(10);
        releases.changed(UNIT, List.of(Releases.contributor("first")));
        assertThat(releases.release(Map.of(UNIT, counts(0, 1)), MONDAY).published().get(UNIT).counts())
                .isEqualTo(counts(0, 1));

        releases.changed(UNIT, List.of(Releases.contributor("second")));
        assertThat(releases.release(Map.of(UNIT, counts(1, 1)), TUESDAY).published().get(UNIT).counts())
                .as("one person more: held").isEqualTo(counts(0, 1));
    }

    @Test
    void aCellWhoseHeadcountFallsToZeroIsGoneAtOnce() {
        Releases releases = new Releases(10);
        releases.release(Map.of(UNIT, counts(1, 0)), MONDAY);
        releases.changed(UNIT, List.of(Releases.contributor("leaver")));

        Releases.Decision decision = releases.release(Map.of(), TUESDAY);
        assertThat(decision.published()).isEmpty();
        assertThat(decision.updated()).containsEntry(UNIT, null);
    }

    @Test
    void atMostTheThresholdOfContributorsIsKeptPerCell() {
        Releases releases = new Releases(3);
        releases.release(Map.of(UNIT, counts(230, 11)), MONDAY);
        Releases.Release<GroupCounts> noted = releases.changed(UNIT, List.of(1L, 2L, 3L, 4L, 5L));
        assertThat(noted.changedSince()).hasSize(3);
        assertThat(releases.changed(UNIT, List.of(6L))).as("the threshold is met: nothing to keep").isNull();
    }

    @Test
    void aThresholdOfOneReleasesEveryChange() {
        Releases releases = new Releases(1);
        releases.release(Map.of(UNIT, counts(230, 11)), MONDAY);
        releases.changed(UNIT, List.of(Releases.contributor("new-hire")));
        assertThat(releases.release(Map.of(UNIT, counts(230, 12)), TUESDAY).published().get(UNIT).counts())
                .isEqualTo(counts(230, 12));
    }
}
