package ca.calgary.representation.alerts.core;

/**
 * Published figures of one cell (scope, tier, group) that the rules read, from one of the metrics feeds. Only
 * published values: a suppressed count or a figure derived from it arrives as null.
 */
public sealed interface Signal {

    String scope();

    String tier();

    String group();

    /** What an ADVERSE_IMPACT comparison compares; null for every other signal. */
    default Measure measure() {
        return null;
    }

    /** {@code scope|tier|group}: alerts are kept per cell. */
    default String cellId() {
        return scope() + "|" + tier() + "|" + group();
    }

    /** The live figures of a cell (metrics.representation). */
    record Live(String scope, String tier, String group, long headcount, Double representation, Double benchmark,
                Double representationIndex, Double pUnder, Double responseRate) implements Signal {
    }

    /**
     * A group's rate compared with the reference group's in a rolling 12-month period (metrics.flows for promotion
     * and separation, metrics.competitions for the funnel's stages), oriented so that a ratio below 1 is adverse:
     * for separations it is the reference's rate over the group's. The pools are the bases the rates are taken of.
     */
    record Comparison(String scope, String tier, String group, Measure measure, String period,
                      String referenceGroup, Long pool, Long referencePool, Double rate, Double adverseImpactRatio,
                      Double fisherP) implements Signal {
    }

    /**
     * A goal's projection (metrics.goals): the people the group is projected to be short of the goal's share on the
     * target date (null when withheld, or the goal removed).
     */
    record Goal(String scope, String tier, String group, Double targetShare, String targetDate, Double projectedShare,
                Long projectedShortfall) implements Signal {
    }

    /** A cell's representation as of a quarter's last day (metrics.representation-snapshots). */
    record Snapshot(String scope, String tier, String group, String quarter, Double representation)
            implements Signal {
    }
}
