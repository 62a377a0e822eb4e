package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The published figures of one cell (scope, tier, group) as of a date (SPEC §6, §9). When {@code suppressed}, the
 * count and every figure derived from it are null; the headcount is always published. Benchmark fields are null
 * when no benchmark applies; the gap figures are null then too.
 */
public record CellFigures(
        Scope scope, Tier tier, Group group, LocalDate asOf,
        long headcount,
        Long count,
        boolean suppressed,
        BigDecimal representation,
        BigDecimal representationOfRespondents,
        BigDecimal responseRate,
        BigDecimal benchmark,
        String benchmarkSource,
        Integer benchmarkYear,
        BigDecimal gapPoints,
        BigDecimal representationIndex,
        BigDecimal expected,
        Long shortfall,
        Double pUnder,
        BigDecimal ci95Low,
        BigDecimal ci95High,
        Long activeMentees) {

    /** The cell's key as a string: {@code scope|tier|group}. */
    public String cellId() {
        return cellId(new CellKey(scope, tier), group);
    }

    public static String cellId(CellKey key, Group group) {
        return key.id() + "|" + group.name();
    }

    /** These figures as released on a day (SPEC §9 release rule): published with that day as their date. */
    public CellFigures releasedOn(LocalDate day) {
        return new CellFigures(scope, tier, group, day, headcount, count, suppressed, representation,
                representationOfRespondents, responseRate, benchmark, benchmarkSource, benchmarkYear, gapPoints,
                representationIndex, expected, shortfall, pUnder, ci95Low, ci95High, activeMentees);
    }

    /**
     * A TOTAL row with today's headcount: headcount is not sensitive and keeps updating while the group figures
     * wait for their release (SPEC §9); its other figures stay those of the release.
     */
    public CellFigures withHeadcount(long currentHeadcount, LocalDate today) {
        if (group != Group.TOTAL) {
            throw new IllegalStateException("only TOTAL follows the headcount between releases");
        }
        return new CellFigures(scope, tier, group, today, currentHeadcount, currentHeadcount, suppressed,
                representation, representationOfRespondents, responseRate, benchmark, benchmarkSource, benchmarkYear,
                gapPoints, representationIndex, expected, shortfall, pUnder, ci95Low, ci95High, activeMentees);
    }
}
