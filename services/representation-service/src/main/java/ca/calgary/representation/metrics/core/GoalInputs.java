package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.Map;

/**
 * The published figures of one scope that its goals are computed from (SPEC §11): today's cells
 * ({@code metrics.representation}) and the latest complete rolling 12 months of flows ({@code metrics.flows}), per
 * tier and group. Aggregates only, as published: a suppressed count is null.
 *
 * @param cells        today's figures by {@code tier|group}
 * @param twelveMonths the latest complete rolling 12 months' flows by {@code tier|group}
 */
public record GoalInputs(Map<String, PublishedCell> cells, Map<String, TwelveMonths> twelveMonths) {

    /**
     * One published cell today. A group's row keeps the figures of its last release (SPEC §9 release rule), its
     * headcount included; TOTAL's row carries today's headcount.
     *
     * @param count          null when suppressed
     * @param representation as published (null when suppressed)
     * @param benchmark      null when none applies
     */
    public record PublishedCell(long headcount, Long count, Double representation, Double benchmark) {
    }

    /**
     * One published cell of a rolling 12 months' flows; a suppressed count is null.
     *
     * @param period        the period's id ({@code R12M-2026-Q3})
     * @param end           its last day
     * @param promotionPool null for tier ALL (no level below it) as well as when suppressed
     */
    public record TwelveMonths(String period, LocalDate end, Long headcountAtStart, Long hires, Long promotionsInto,
                               Long promotionPool, Long separations) {
    }

    public GoalInputs {
        cells = Map.copyOf(cells);
        twelveMonths = Map.copyOf(twelveMonths);
    }

    public static String key(Tier tier, Group group) {
        return tier.name() + "|" + group.name();
    }

    PublishedCell cell(Tier tier, Group group) {
        return cells.get(key(tier, group));
    }

    TwelveMonths twelveMonths(Tier tier, Group group) {
        return twelveMonths.get(key(tier, group));
    }
}
