package ca.calgary.representation.metrics.core;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a group's rate is compared with for the adverse-impact ratio and the Fisher test (SPEC §7): a fixed group
 * (default WHITE_ONLY), or {@code HIGHEST_RATE}, the group with the most favourable published rate in the same
 * cell (the highest selection rate; for separations, the lowest separation rate).
 */
public record ReferenceGroup(Group fixed) {

    public static final String HIGHEST_RATE = "HIGHEST_RATE";
    /** Groups that can be a most-favourable reference: not the whole, not respondents, not non-respondents. */
    static final Set<Group> CANDIDATES = EnumSet.complementOf(EnumSet.of(Group.TOTAL, Group.RESPONDED,
            Group.NOT_DISCLOSED));

    public static ReferenceGroup parse(String text) {
        if (HIGHEST_RATE.equals(text)) {
            return new ReferenceGroup(null);
        }
        try {
            return new ReferenceGroup(Group.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("reference group must be " + HIGHEST_RATE + " or a group, not " + text);
        }
    }

    public Optional<Group> fixedGroup() {
        return Optional.ofNullable(fixed);
    }

    @Override
    public String toString() {
        return fixed == null ? HIGHEST_RATE : fixed.name();
    }
}
