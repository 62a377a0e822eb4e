package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The figures of a table that keeps changing, computed only where they can have changed. A cell's figures are a
 * function of its counts, the benchmarks, the date and which of its counts suppression withholds
 * ({@link RepresentationCalculator}); this remembers those inputs per (scope, tier) and computes again only the
 * cells whose inputs differ from the last call. Suppression itself is still decided over the whole table on every
 * call, because complementary suppression can withhold a count whose cell did not change.
 *
 * <p>Why: a City-sized table (15,000 employees) has about 1,300 (scope, tier) and 24,000 figures. Computing all of
 * them and their publication signatures took 50-70 ms, repeated at every publication interval (100 ms) while live
 * changes flow; after one hire this computes 100-450 figures, and the two suppression passes (about 10 ms) are most
 * of what is left.
 */
public final class ChangedFigures {

    /** What changed since the last call. */
    public record Changes(List<CellFigures> figures, List<CellKey> gone, boolean complete) {
        /**
         * @param figures  every group's figures of each (scope, tier) whose inputs changed, in publication order
         * @param gone     the (scope, tier) computed before that no longer have a headcount
         * @param complete {@code figures} holds every cell of the table (the first call, or the benchmarks or the
         *                 date changed): cells published earlier and not among them are gone too
         */
        public Changes {
            figures = List.copyOf(figures);
            gone = List.copyOf(gone);
        }
    }

    /** What a cell's figures were computed from, besides the benchmarks and the date. */
    private record Inputs(GroupCounts counts, long suppressed, long menteesSuppressed) {
    }

    static {
        if (Group.values().length > Long.SIZE) {
            throw new IllegalStateException("one bit per group: at most 64 groups");
        }
    }

    private final RepresentationCalculator calculator;
    private final Map<CellKey, Inputs> computedFrom = new HashMap<>();
    private Benchmarks benchmarks;
    private LocalDate asOf;

    public ChangedFigures(RepresentationCalculator calculator) {
        this.calculator = calculator;
    }

    public Changes since(Map<CellKey, GroupCounts> table, Benchmarks benchmarks, LocalDate asOf) {
        if (!Objects.equals(benchmarks, this.benchmarks) || !Objects.equals(asOf, this.asOf)) {
            computedFrom.clear();
            this.benchmarks = benchmarks;
            this.asOf = asOf;
        }
        boolean complete = computedFrom.isEmpty();
        List<CellKey> gone = new ArrayList<>();
        for (Iterator<Map.Entry<CellKey, Inputs>> entries = computedFrom.entrySet().iterator(); entries.hasNext(); ) {
            CellKey key = entries.next().getKey();
            GroupCounts counts = table.get(key);
            if (counts == null || counts.headcount() <= 0) {
                gone.add(key);
                entries.remove();
            }
        }
        Set<Suppression.Cell> suppressed = Suppression.suppressed(table, calculator.minCellSize());
        Set<Suppression.Cell> menteesSuppressed = Suppression.suppressedMentees(table, calculator.minCellSize(),
                suppressed);
        Map<CellKey, Long> suppressedGroups = groupsByCell(suppressed);
        Map<CellKey, Long> menteesSuppressedGroups = groupsByCell(menteesSuppressed);
        Map<CellKey, GroupCounts> changed = new TreeMap<>();
        table.forEach((key, counts) -> {
            if (counts.headcount() <= 0) {
                return;
            }
            Inputs inputs = new Inputs(counts, suppressedGroups.getOrDefault(key, 0L),
                    menteesSuppressedGroups.getOrDefault(key, 0L));
            if (!inputs.equals(computedFrom.put(key, inputs))) {
                changed.put(key, counts);
            }
        });
        List<CellFigures> figures = new ArrayList<>();
        changed.forEach((key, counts) -> figures.addAll(calculator.figures(key, counts, benchmarks, asOf, suppressed,
                menteesSuppressed)));
        return new Changes(figures, gone, complete);
    }

    /** Which groups of each (scope, tier) are withheld, one bit per group. */
    private static Map<CellKey, Long> groupsByCell(Set<Suppression.Cell> cells) {
        Map<CellKey, Long> groups = new HashMap<>();
        for (Suppression.Cell cell : cells) {
            groups.merge(cell.key(), 1L << cell.group().ordinal(), (a, b) -> a | b);
        }
        return groups;
    }
}
