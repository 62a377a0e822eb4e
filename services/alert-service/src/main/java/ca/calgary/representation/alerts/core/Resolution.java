package ca.calgary.representation.alerts.core;

/** Why an alert was RESOLVED (SPEC §8). */
public enum Resolution {
    /** Its figures passed the resolving threshold, or the test no longer rejects. */
    CLEARED,
    /**
     * Its cell can no longer be measured from published figures (too few people, a figure withheld as small, no
     * benchmark, the cell gone): closed without figures, since the last ones are no longer true. It opens again only
     * when published figures show the finding again.
     */
    UNMEASURABLE,
    /** The rule no longer applies to the group (the equity groups are configuration). */
    NOT_APPLICABLE
}
