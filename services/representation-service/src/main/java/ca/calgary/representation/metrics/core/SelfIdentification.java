package ca.calgary.representation.metrics.core;

import java.util.EnumSet;
import java.util.Set;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.RaceCategory;

/** An employee's self-identification as the pipeline holds it; NOT_DISCLOSED carries no categories. */
public record SelfIdentification(boolean responded, Set<IndigenousIdentity> indigenousIdentities,
                                 Set<RaceCategory> raceCategories) {

    public static final SelfIdentification NOT_DISCLOSED = new SelfIdentification(false, Set.of(), Set.of());

    public SelfIdentification {
        indigenousIdentities = indigenousIdentities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(indigenousIdentities));
        raceCategories = raceCategories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(raceCategories));
    }

    public Set<Group> groups() {
        return Group.of(this);
    }
}
