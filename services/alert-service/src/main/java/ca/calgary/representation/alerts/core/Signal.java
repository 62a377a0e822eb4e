package ca.calgary.representation.alerts.core;

/**
 * Published figures of one cell (scope, tier, group) that the rules read, from one of the metrics feeds. Only
 * published values: a suppressed count or a figure derived from it arrives as null.
 */
public sealed interface Signal {

    String scope();

    String tier();

    String group();

    /** {@code scope|tier|group}: alerts are kept per cell. */
    default String cellId() {
        return scope() + "|" + tier() + "|" + group();
    }

    /** The live figures of a cell (metrics.representation). */
    record Live(String scope, String tier, String group, long headcount, Double representation, Double benchmark,
                Double representationIndex, Double pUnder, Double responseRate) implements Signal {
    }

    /** A cell's promotion comparison in a complete rolling 12-month period (metrics.flows). */
    record Promotion(String scope, String tier, String group, String period, String referenceGroup, Long pool,
                     Long referencePool, Double promotionRate, Double adverseImpactRatio, Double fisherP)
            implements Signal {
    }

    /** A cell's representation as of a quarter's last day (metrics.representation-snapshots). */
    record Snapshot(String scope, String tier, String group, String quarter, Double representation)
            implements Signal {
    }
}
