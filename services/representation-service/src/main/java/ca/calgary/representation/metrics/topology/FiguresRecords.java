package ca.calgary.representation.metrics.topology;

import java.math.BigDecimal;

import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.CellFigures;

/** Published figures as their Avro record, and the signature that tells whether a cell's figures changed. */
final class FiguresRecords {

    private FiguresRecords() {
    }

    static RepresentationFigures toAvro(CellFigures f) {
        return RepresentationFigures.newBuilder()
                .setScope(f.scope().id())
                .setTier(f.tier().name())
                .setGroup(f.group().name())
                .setAsOf(f.asOf())
                .setHeadcount(f.headcount())
                .setCount(f.count())
                .setSuppressed(f.suppressed())
                .setRepresentation(number(f.representation()))
                .setRepresentationOfRespondents(number(f.representationOfRespondents()))
                .setResponseRate(number(f.responseRate()))
                .setBenchmark(number(f.benchmark()))
                .setBenchmarkSource(f.benchmarkSource())
                .setBenchmarkYear(f.benchmarkYear())
                .setGapPoints(number(f.gapPoints()))
                .setRepresentationIndex(number(f.representationIndex()))
                .setExpected(number(f.expected()))
                .setShortfall(f.shortfall())
                .setPUnder(f.pUnder())
                .setCi95Low(number(f.ci95Low()))
                .setCi95High(number(f.ci95High()))
                .setActiveMentees(f.activeMentees())
                .build();
    }

    /** Everything published about the cell except the date: equal signatures, nothing new to publish. */
    static String signature(CellFigures f) {
        return new CellFigures(f.scope(), f.tier(), f.group(), null, f.headcount(), f.count(), f.suppressed(),
                f.representation(), f.representationOfRespondents(), f.responseRate(), f.benchmark(),
                f.benchmarkSource(), f.benchmarkYear(), f.gapPoints(), f.representationIndex(), f.expected(),
                f.shortfall(), f.pUnder(), f.ci95Low(), f.ci95High(), f.activeMentees()).toString();
    }

    static Double number(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
