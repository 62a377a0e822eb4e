package ca.calgary.representation.alerts.core;

import static org.assertj.core.api.Assertions.assertThat;

import ca.calgary.representation.alerts.core.FindingChange.State;
import org.junit.jupiter.api.Test;

class FindingChangeTest {

    private static State open(Severity severity, int cells) {
        return new State(true, severity, cells);
    }

    private static final State RESOLVED = new State(false, Severity.LOW, 0);

    @Test
    void aNewOrReopenedFindingOpened() {
        assertThat(FindingChange.of(null, open(Severity.LOW, 0))).isEqualTo(FindingChange.OPENED);
        assertThat(FindingChange.of(RESOLVED, open(Severity.HIGH, 2))).isEqualTo(FindingChange.OPENED);
    }

    @Test
    void moreSeverityOrMoreCellsIsWorseAndLessIsBetter() {
        assertThat(FindingChange.of(open(Severity.LOW, 3), open(Severity.MEDIUM, 1))).isEqualTo(FindingChange.WORSENED);
        assertThat(FindingChange.of(open(Severity.LOW, 1), open(Severity.LOW, 2))).isEqualTo(FindingChange.WORSENED);
        assertThat(FindingChange.of(open(Severity.HIGH, 1), open(Severity.MEDIUM, 5))).isEqualTo(FindingChange.IMPROVED);
        assertThat(FindingChange.of(open(Severity.HIGH, 3), open(Severity.HIGH, 2))).isEqualTo(FindingChange.IMPROVED);
    }

    @Test
    void figuresAloneAreAnUpdateNobodyIsToldOf() {
        FindingChange change = FindingChange.of(open(Severity.MEDIUM, 2), open(Severity.MEDIUM, 2));
        assertThat(change).isEqualTo(FindingChange.UPDATED);
        assertThat(change.delivered()).isFalse();
        assertThat(FindingChange.OPENED.delivered()).isTrue();
        assertThat(FindingChange.IMPROVED.delivered()).isTrue();
    }

    @Test
    void onlyAnOpenFindingCanResolve() {
        assertThat(FindingChange.of(open(Severity.LOW, 0), RESOLVED)).isEqualTo(FindingChange.RESOLVED);
        assertThat(FindingChange.of(RESOLVED, RESOLVED)).as("a resolved finding's figures moved").isNull();
        assertThat(FindingChange.of(null, RESOLVED)).as("resolved beneath another finding, never open alone")
                .isNull();
    }
}
