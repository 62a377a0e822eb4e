package ca.calgary.representation.alerts.topology;

import java.util.ArrayList;
import java.util.List;

import ca.calgary.representation.alerts.core.Measure;
import ca.calgary.representation.alerts.core.Signal;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalProjectionPoint;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;

/** The published metrics as the signals the rules read. */
final class Signals {

    private static final String ROLLING_PERIOD = "R12M-";

    private Signals() {
    }

    /**
     * @param key {@code scope|tier|group}; a cell removed (null: no headcount any more) is a cell nothing can be
     *            measured in, so its open alerts close
     */
    static List<Signal> live(String key, RepresentationFigures f) {
        if (f == null) {
            int groupBar = key.lastIndexOf('|');
            int tierBar = key.lastIndexOf('|', groupBar - 1);
            return tierBar < 0 ? List.of() : List.of(new Signal.Live(key.substring(0, tierBar),
                    key.substring(tierBar + 1, groupBar), key.substring(groupBar + 1), 0, null, null, null, null,
                    null));
        }
        return List.of(new Signal.Live(f.getScope(), f.getTier(), f.getGroup(), f.getHeadcount(),
                f.getRepresentation(), f.getBenchmark(), f.getRepresentationIndex(), f.getPUnder(),
                f.getResponseRate()));
    }

    /**
     * Promotion and separation comparisons of complete rolling 12-month periods only: a quarter alone is too short,
     * a period in progress not settled. A separation's ratio is turned round (the reference's rate over the
     * group's), so that for every measure a ratio below 1 is adverse.
     */
    static List<Signal> of(FlowFigures f) {
        if (f == null || !f.getComplete() || !"ROLLING_12_MONTHS".equals(f.getPeriodKind())) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>(2);
        if (f.getPromotionReferenceGroup() != null) {
            signals.add(new Signal.Comparison(f.getScope(), f.getTier(), f.getGroup(), Measure.PROMOTION,
                    f.getPeriod(), f.getPromotionReferenceGroup(), f.getPromotionPool(),
                    f.getPromotionReferencePool(), f.getPromotionRate(), f.getPromotionAdverseImpactRatio(),
                    f.getPromotionFisherP()));
        }
        if (f.getSeparationReferenceGroup() != null) {
            Double ratio = f.getSeparationRateRatio();
            signals.add(new Signal.Comparison(f.getScope(), f.getTier(), f.getGroup(), Measure.SEPARATION,
                    f.getPeriod(), f.getSeparationReferenceGroup(), f.getHeadcountAtStart(),
                    f.getSeparationReferenceHeadcount(), f.getSeparationRate(),
                    ratio == null ? null : ratio == 0 ? Double.POSITIVE_INFINITY : 1 / ratio,
                    f.getSeparationFisherP()));
        }
        return signals;
    }

    /**
     * Each stage of the funnel of the competitions a (scope, tier) opened in a rolling 12 months. A competition's
     * later stages count in the period it opened in, so a period's funnel keeps filling after it ends: the latest
     * period is read as it stands.
     */
    static List<Signal> of(CompetitionFigures f) {
        if (f == null || f.getCompetitionId() != null || f.getPeriod() == null
                || !f.getPeriod().startsWith(ROLLING_PERIOD)) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>(3);
        if (f.getShortlistReferenceGroup() != null) {
            signals.add(new Signal.Comparison(f.getScope(), f.getTier(), f.getGroup(),
                    Measure.COMPETITION_SHORTLISTING, f.getPeriod(), f.getShortlistReferenceGroup(),
                    f.getApplicants(), f.getShortlistReferenceBase(), f.getShortlistRate(),
                    f.getShortlistAdverseImpactRatio(), f.getShortlistFisherP()));
        }
        if (f.getSelectionFromShortlistReferenceGroup() != null) {
            signals.add(new Signal.Comparison(f.getScope(), f.getTier(), f.getGroup(),
                    Measure.COMPETITION_SELECTION, f.getPeriod(), f.getSelectionFromShortlistReferenceGroup(),
                    f.getShortlisted(), f.getSelectionFromShortlistReferenceBase(),
                    f.getSelectionFromShortlistRate(), f.getSelectionFromShortlistAdverseImpactRatio(),
                    f.getSelectionFromShortlistFisherP()));
        }
        if (f.getOverallReferenceGroup() != null) {
            signals.add(new Signal.Comparison(f.getScope(), f.getTier(), f.getGroup(), Measure.COMPETITION_OVERALL,
                    f.getPeriod(), f.getOverallReferenceGroup(), f.getApplicants(), f.getOverallReferenceBase(),
                    f.getOverallRate(), f.getOverallAdverseImpactRatio(), f.getOverallFisherP()));
        }
        return signals;
    }

    /**
     * @param key {@code scope|tier|group}; a goal removed (null) can no longer be measured, so its open alert closes
     */
    static List<Signal> goal(String key, GoalFigures g) {
        if (g == null) {
            int groupBar = key.lastIndexOf('|');
            int tierBar = key.lastIndexOf('|', groupBar - 1);
            return tierBar < 0 ? List.of() : List.of(new Signal.Goal(key.substring(0, tierBar),
                    key.substring(tierBar + 1, groupBar), key.substring(groupBar + 1), null, null, null, null));
        }
        List<GoalProjectionPoint> projection = g.getProjection();
        Double projectedShare = projection.isEmpty() ? null : projection.get(projection.size() - 1).getShare();
        return List.of(new Signal.Goal(g.getScope(), g.getTier(), g.getGroup(), g.getTargetShare(),
                g.getTargetDate().toString(), projectedShare, g.getProjectedShortfall()));
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
