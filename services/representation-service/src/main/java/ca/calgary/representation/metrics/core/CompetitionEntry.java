package ca.calgary.representation.metrics.core;

import java.util.Set;

/**
 * How far one candidate got in one promotion competition, and their groups as of their last step in it. The stages
 * nest: a shortlisted candidate counts as an applicant, a promoted one as shortlisted and applicant.
 */
public record CompetitionEntry(Stage stage, Set<Group> groups) {

    public enum Stage { APPLIED, SHORTLISTED, PROMOTED }

    public CompetitionEntry {
        groups = Set.copyOf(groups);
    }

    public boolean reached(Stage other) {
        return stage.ordinal() >= other.ordinal();
    }
}
