package ca.calgary.representation.metrics.core;

/** The counts kept per period, (scope, tier) and group for the flow metrics (SPEC §7). */
public enum FlowMeasure {
    /** Active at the period start (in the tier). */
    HEADCOUNT_AT_START,
    /** Active at the period start in the level just below the tier's lowest level. */
    PROMOTION_POOL,
    HIRES,
    /** Promoted into a position in the tier from one below it. */
    PROMOTIONS_INTO,
    /** Separated from a position in the tier. */
    SEPARATIONS,
    /** Active below MANAGEMENT at the period end (or today, for the period in progress). */
    HEADCOUNT_BELOW_MANAGEMENT_AT_END,
    /** Of those, mentees in a programme not yet completed or withdrawn. */
    ACTIVE_MENTEES_BELOW_MANAGEMENT_AT_END,
    MENTEE_ENROLMENTS,
    MENTEE_COMPLETIONS,
    /** Mentees enrolled in the period who were promoted within 24 months of their enrolment. */
    MENTEES_PROMOTED_WITHIN_24_MONTHS,
    /** Below MANAGEMENT at the period start and not enrolled as a mentee by 24 months after it. */
    NON_MENTEES,
    /** Of those, promoted within 24 months of the period start. */
    NON_MENTEES_PROMOTED_WITHIN_24_MONTHS
}
