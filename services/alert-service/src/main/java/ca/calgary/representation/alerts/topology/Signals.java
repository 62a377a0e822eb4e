package ca.calgary.representation.alerts.topology;

import java.util.List;

import ca.calgary.representation.alerts.core.Signal;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;

/** The published metrics as the signals the rules read. */
final class Signals {

    private Signals() {
    }

    static List<Signal> of(RepresentationFigures f) {
        return f == null ? List.of() : List.of(new Signal.Live(f.getScope(), f.getTier(), f.getGroup(),
                f.getHeadcount(), f.getRepresentation(), f.getBenchmark(), f.getRepresentationIndex(), f.getPUnder(),
                f.getResponseRate()));
    }

    /** Only complete rolling 12-month periods: a quarter alone is too short, a period in progress not settled. */
    static List<Signal> of(FlowFigures f) {
        if (f == null || !f.getComplete() || !"ROLLING_12_MONTHS".equals(f.getPeriodKind())
                || f.getPromotionReferenceGroup() == null) {
            return List.of();
        }
        return List.of(new Signal.Promotion(f.getScope(), f.getTier(), f.getGroup(), f.getPeriod(),
                f.getPromotionReferenceGroup(), f.getPromotionPool(), f.getPromotionReferencePool(),
                f.getPromotionRate(), f.getPromotionAdverseImpactRatio(), f.getPromotionFisherP()));
    }

    static List<Signal> of(RepresentationSnapshot s) {
        if (s == null) {
            return List.of();
        }
        RepresentationFigures f = s.getFigures();
        return List.of(new Signal.Snapshot(f.getScope(), f.getTier(), f.getGroup(), s.getQuarter(),
                f.getRepresentation()));
    }
}
