package ca.calgary.representation.alerts.core;

/**
 * What a finding's new state changed against the state last published (SPEC §8, "findings"). Subscribers are told
 * of every change but {@link #UPDATED}: a finding that opens, worsens, improves or resolves is news; new figures
 * with the same severity and the same cells are not (as a cell's alert refreshes its figures without a transition).
 */
public enum FindingChange {
    /** New, or open again after it resolved. */
    OPENED,
    /** Still open; its severity rose, or it holds in more cells. */
    WORSENED,
    /** Still open; its severity fell, or it holds in fewer cells. */
    IMPROVED,
    /** Still open, same severity and cells; only figures moved. */
    UPDATED,
    /** Its head resolved. */
    RESOLVED;

    /** One state of a finding, as far as its change is concerned. */
    public record State(boolean open, Severity severity, int cells) {
    }

    /**
     * @param before the finding as last published, null if it was not
     * @param after  the finding now
     * @return the change, or null when nothing a subscriber or digest counts changed (a resolved finding whose
     *         figures moved, or the same state again)
     */
    public static FindingChange of(State before, State after) {
        if (!after.open()) {
            return before != null && before.open() ? RESOLVED : null;
        }
        if (before == null || !before.open()) {
            return OPENED;
        }
        int severity = after.severity().compareTo(before.severity());
        if (severity > 0 || severity == 0 && after.cells() > before.cells()) {
            return WORSENED;
        }
        if (severity < 0 || after.cells() < before.cells()) {
            return IMPROVED;
        }
        return UPDATED;
    }

    /** Whether subscribers with immediate delivery are told. */
    public boolean delivered() {
        return this != UPDATED;
    }
}
