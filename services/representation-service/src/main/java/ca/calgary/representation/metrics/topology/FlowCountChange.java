package ca.calgary.representation.metrics.topology;

import java.util.Map;
import java.util.Set;

import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.FlowCounts;
import ca.calgary.representation.metrics.core.GroupCounts;

/**
 * A coalesced change of counts from the per-employee stage ({@link EmployeeFlowsProcessor}), for one of the three
 * aggregations it feeds; each goes to its own repartition topic, keyed by what its aggregation is partitioned on.
 */
sealed interface FlowCountChange {

    /**
     * Keyed by period id: the change of the period's flow counts per (scope, tier), and who changed in each (digests,
     * at most the release threshold per (scope, tier): {@link ca.calgary.representation.metrics.core.Releases}).
     */
    record PeriodChange(Map<CellKey, FlowCounts> cells, Map<CellKey, Set<Long>> contributors)
            implements FlowCountChange {
    }

    /** Keyed by quarter id: the change of the quarter-end head counts per (scope, tier), and who changed in each. */
    record QuarterEndChange(Map<CellKey, GroupCounts> cells, Map<CellKey, Set<Long>> contributors)
            implements FlowCountChange {
    }

    /** Keyed by competition id: the change of its funnel, and who changed in it (at most the release threshold). */
    record CompetitionChange(CompetitionCalculator.Counts counts, Set<Long> contributors) implements FlowCountChange {
    }
}
