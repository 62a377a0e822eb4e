package ca.calgary.representation.metrics.web;

import java.time.LocalDate;

import ca.calgary.representation.metrics.RepresentationFigures;

/** The published figures of one cell, as the API returns them; null fields are withheld or not applicable. */
public record CellView(String scope, String tier, String group, LocalDate asOf, long headcount, Long count,
                       boolean suppressed, Double representation, Double representationOfRespondents,
                       Double responseRate, Double benchmark, String benchmarkSource, Integer benchmarkYear,
                       Double gapPoints, Double representationIndex, Double expected, Long shortfall, Double pUnder,
                       Double ci95Low, Double ci95High, Long activeMentees) {

    static CellView of(RepresentationFigures f) {
        return new CellView(f.getScope(), f.getTier(), f.getGroup(), f.getAsOf(), f.getHeadcount(), f.getCount(),
                f.getSuppressed(), f.getRepresentation(), f.getRepresentationOfRespondents(), f.getResponseRate(),
                f.getBenchmark(), f.getBenchmarkSource(), f.getBenchmarkYear(), f.getGapPoints(),
                f.getRepresentationIndex(), f.getExpected(), f.getShortfall(), f.getPUnder(), f.getCi95Low(),
                f.getCi95High(), f.getActiveMentees());
    }
}
