package ca.calgary.representation.alerts.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DigestSectionTest {

    private static final Instant SINCE = Instant.parse("2026-12-02T15:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-03T15:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant DURING = Instant.parse("2026-12-03T09:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-12-03T16:00:00Z");

    @Test
    void eachFindingGoesWhereItsPeriodPutsIt() {
        assertThat(DigestSection.of(SINCE, UNTIL, DURING, null, true, null)).isEqualTo(DigestSection.OPENED);
        assertThat(DigestSection.of(SINCE, UNTIL, DURING, DURING, true, null)).as("opened beats worsened")
                .isEqualTo(DigestSection.OPENED);
        assertThat(DigestSection.of(SINCE, UNTIL, BEFORE, DURING, true, null)).isEqualTo(DigestSection.WORSENED);
        assertThat(DigestSection.of(SINCE, UNTIL, BEFORE, BEFORE, true, null)).isEqualTo(DigestSection.STILL_OPEN);
        assertThat(DigestSection.of(SINCE, UNTIL, BEFORE, null, false, DURING)).isEqualTo(DigestSection.RESOLVED);
        assertThat(DigestSection.of(SINCE, UNTIL, DURING, null, false, DURING)).as("opened and resolved in a day")
                .isEqualTo(DigestSection.RESOLVED);
    }

    @Test
    void whatIsOutsideThePeriodIsLeftOut() {
        assertThat(DigestSection.of(SINCE, UNTIL, BEFORE, null, false, BEFORE)).isNull();
        assertThat(DigestSection.of(SINCE, UNTIL, AFTER, null, true, null)).as("opened after the digest was due")
                .isNull();
        assertThat(DigestSection.of(SINCE, UNTIL, null, null, false, null)).as("never open on its own").isNull();
    }

    @Test
    void aDigestMadeLateShowsFindingsAsTheyStoodWhenItWasDue() {
        assertThat(DigestSection.of(SINCE, UNTIL, BEFORE, null, false, AFTER)).isEqualTo(DigestSection.STILL_OPEN);
        assertThat(DigestSection.of(SINCE, UNTIL, BEFORE, AFTER, true, null)).isEqualTo(DigestSection.STILL_OPEN);
    }
}
