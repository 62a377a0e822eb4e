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
}
