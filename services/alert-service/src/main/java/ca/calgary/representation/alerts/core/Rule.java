package ca.calgary.representation.alerts.core;

/** The alert rules of SPEC §8. */
public enum Rule {
    /** Representation well below the benchmark, and significantly so. */
    REPRESENTATION_GAP,
    /** A group promoted markedly less often than the reference group, and significantly so. */
    ADVERSE_IMPACT,
    /** Representation fell against the same cell four quarters earlier. */
    DECLINE,
    /** Too few people answered the self-identification survey for gaps to be trusted. */
    LOW_RESPONSE,
    /** Where current flows lead misses a goal on its target date by more than a few people (SPEC §11). */
    GOAL_OFF_TRACK,
    /** No one of the equity groups in any leadership role of a working group (SPEC §8), where that is published. */
    WORKING_GROUP_LEADERSHIP
}
