package ca.calgary.representation.alerts.core;

/**
 * What an ADVERSE_IMPACT alert compares between a group and the reference group (SPEC §8): a rate of the flows of a
 * rolling 12 months, or one stage of the competition funnels of the competitions opened in them.
 */
public enum Measure {
    /** Promotions into the tier per person in the pool below it. */
    PROMOTION(Source.FLOWS),
    /** Separations from the tier per person at the period's start, turned round: the group leaves more often. */
    SEPARATION(Source.FLOWS),
    /** Applied → shortlisted. */
    COMPETITION_SHORTLISTING(Source.COMPETITIONS),
    /** Shortlisted → promoted. */
    COMPETITION_SELECTION(Source.COMPETITIONS),
    /** Applied → promoted. */
    COMPETITION_OVERALL(Source.COMPETITIONS);

    /** The feed a measure's figures come from; each feed's latest period is followed on its own. */
    public enum Source { FLOWS, COMPETITIONS }

    private final Source source;

    Measure(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }
}
