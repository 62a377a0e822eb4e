package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A numerical goal (SPEC §11): the share of a tier of a scope an equity group should hold by a date. Reference data,
 * set by administrators.
 *
 * @param targetShare in (0, 1]; null: the cell's benchmark, whatever it is when the goal's figures are computed
 * @param targetDate  the date the share should be reached by
 * @param source      who set the goal, or the decision it comes from
 */
public record Goal(Scope scope, Tier tier, Group group, BigDecimal targetShare, LocalDate targetDate, String source) {

    /** The end of the City's Anti-Racism Strategic Framework 2023–2027. */
    public static final LocalDate DEFAULT_TARGET_DATE = LocalDate.of(2027, 12, 31);

    /** The groups a goal can be set for: the equity groups of SPEC §8. */
    public static final Set<Group> GROUPS = EnumSet.complementOf(EnumSet.of(Group.TOTAL, Group.RESPONDED,
            Group.NOT_DISCLOSED, Group.WHITE_ONLY, Group.MULTIPLE));

    public Goal {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(targetDate, "targetDate");
        Objects.requireNonNull(source, "source");
        if (!GROUPS.contains(group)) {
            throw new IllegalArgumentException("a goal is set for an equity group, not " + group);
        }
        if (targetShare != null && (targetShare.signum() <= 0 || targetShare.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("a target share is in (0, 1], got " + targetShare);
        }
    }

    /** The key of the goal and of its figures: {@code scope|tier|group}. */
    public String key() {
        return key(scope, tier, group);
    }

    public static String key(Scope scope, Tier tier, Group group) {
        return scope.id() + "|" + tier.name() + "|" + group.name();
    }
}
