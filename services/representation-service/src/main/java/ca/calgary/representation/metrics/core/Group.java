package ca.calgary.representation.metrics.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.RaceCategory;

/**
 * The groups of SPEC §5. Inclusive: a person counts in every group they belong to, so groups overlap. The order is
 * the order of the published rows.
 */
public enum Group {
    TOTAL, RESPONDED, NOT_DISCLOSED,
    INDIGENOUS, FIRST_NATIONS, METIS, INUIT,
    BLACK, EAST_ASIAN, SOUTH_ASIAN, SOUTHEAST_ASIAN, LATIN_AMERICAN, MIDDLE_EASTERN, ANOTHER_RACE,
    RACIALIZED, INDIGENOUS_BLACK_RACIALIZED, WHITE_ONLY, MULTIPLE;

    /** The Indigenous identity groups, parts of {@link #INDIGENOUS}. */
    public static final List<Group> INDIGENOUS_IDENTITIES = List.of(FIRST_NATIONS, METIS, INUIT);
    /** The racialized categories, parts of {@link #RACIALIZED}. */
    public static final List<Group> RACIALIZED_CATEGORIES =
            List.of(BLACK, EAST_ASIAN, SOUTH_ASIAN, SOUTHEAST_ASIAN, LATIN_AMERICAN, MIDDLE_EASTERN, ANOTHER_RACE);

    static Group of(IndigenousIdentity identity) {
        return valueOf(identity.name());
    }

    /** The group of a race category; WHITE has none of its own (it shows only through WHITE_ONLY). */
    static Group of(RaceCategory category) {
        return category == RaceCategory.WHITE ? null : valueOf(category.name());
    }

    /** Every group a person with this self-identification belongs to (TOTAL included). */
    static Set<Group> of(SelfIdentification identification) {
        Set<Group> groups = EnumSet.of(TOTAL);
        if (!identification.responded()) {
            groups.add(NOT_DISCLOSED);
            return groups;
        }
        groups.add(RESPONDED);
        identification.indigenousIdentities().forEach(identity -> groups.add(of(identity)));
        boolean indigenous = !identification.indigenousIdentities().isEmpty();
        boolean racialized = false;
        for (RaceCategory category : identification.raceCategories()) {
            Group group = of(category);
            if (group != null) {
                groups.add(group);
                racialized = true;
            }
        }
        if (indigenous) {
            groups.add(INDIGENOUS);
        }
        if (racialized) {
            groups.add(RACIALIZED);
        }
        if (indigenous || racialized) {
            groups.add(INDIGENOUS_BLACK_RACIALIZED);
        }
        if (!indigenous && identification.raceCategories().equals(Set.of(RaceCategory.WHITE))) {
            groups.add(WHITE_ONLY);
        }
        // Indigenous identities count as one, each race category (WHITE too) as one.
        if ((indigenous ? 1 : 0) + identification.raceCategories().size() >= 2) {
            groups.add(MULTIPLE);
        }
        return groups;
    }

    /**
     * Whether everyone in {@code part} is always in this group too (TOTAL holds everyone, RESPONDED every group but
     * NOT_DISCLOSED, INDIGENOUS its identities, RACIALIZED its categories, INDIGENOUS_BLACK_RACIALIZED both). A group
     * is not compared with a group it contains or is contained in.
     */
    public boolean contains(Group part) {
        if (this == part || this == TOTAL) {
            return true;
        }
        return switch (this) {
            case RESPONDED -> part != NOT_DISCLOSED;
            case INDIGENOUS -> INDIGENOUS_IDENTITIES.contains(part);
            case RACIALIZED -> RACIALIZED_CATEGORIES.contains(part);
            case INDIGENOUS_BLACK_RACIALIZED -> part == INDIGENOUS || part == RACIALIZED
                    || INDIGENOUS_IDENTITIES.contains(part) || RACIALIZED_CATEGORIES.contains(part);
            default -> false;
        };
    }

    /** Neither group contains the other, so their rates can be compared. */
    public boolean comparableWith(Group other) {
        return !contains(other) && !other.contains(this);
    }
}
