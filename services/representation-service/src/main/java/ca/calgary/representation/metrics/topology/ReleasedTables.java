package ca.calgary.representation.metrics.topology;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.Releases;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The release rule (SPEC §9, {@link Releases}) for aggregations that keep many tables (a period's flows, a quarter's
 * snapshot), each (table, scope, tier)'s last release kept in a store keyed {@code tableId|scope|tier}: read per
 * table when it is published, never all at once.
 *
 * @param <C> the counts released: a period's {@code FlowCounts}, a quarter end's {@code GroupCounts}
 */
final class ReleasedTables<C> {

    private final KeyValueStore<String, Releases.Release<C>> store;
    private final int threshold;
    private final Predicate<C> hasAnyone;

    /** @param hasAnyone whether counts hold anyone (a (scope, tier) without anyone is gone: its release is forgotten) */
    ReleasedTables(KeyValueStore<String, Releases.Release<C>> store, int threshold, Predicate<C> hasAnyone) {
        this.store = store;
        this.threshold = threshold;
        this.hasAnyone = hasAnyone;
    }

    /** Notes the employees who changed in each (scope, tier) of a table. */
    void changed(String tableId, Map<CellKey, Set<Long>> contributors) {
        contributors.forEach((cell, employees) -> {
            String key = tableId + "|" + cell.id();
            Releases.Release<C> noted = Releases.noted(store.get(key), employees, threshold);
            if (noted != null) {
                store.put(key, noted);
            }
        });
    }

    /**
     * Each (scope, tier) of the table with anyone in it, as released: its current counts where it was never released,
     * the threshold of people have changed since, or the table is a first computation (everyone has changed; released
     * {@code today}), its last release otherwise. Releases of (scope, tier)s with no one left are forgotten.
     */
    Map<CellKey, Releases.Release<C>> release(String tableId, Map<CellKey, C> current, LocalDate today,
                                              boolean firstComputation) {
        Map<CellKey, Releases.Release<C>> known = RevisedPublication.cells(store, tableId);
        Map<CellKey, Releases.Release<C>> released = new HashMap<>();
        current.forEach((key, counts) -> {
            if (!hasAnyone.test(counts)) {
                return;
            }
            Releases.Release<C> release = known.get(key);
            if (firstComputation || release == null || release.due(threshold)) {
                release = new Releases.Release<>(counts, today, Set.of());
                store.put(tableId + "|" + key.id(), release);
            }
            released.put(key, release);
        });
        known.keySet().stream().filter(key -> !released.containsKey(key))
                .forEach(key -> store.delete(tableId + "|" + key.id()));
        return released;
    }

    /** The counts of each release. */
    static <C> Map<CellKey, C> counts(Map<CellKey, Releases.Release<C>> released) {
        Map<CellKey, C> counts = new HashMap<>();
        released.forEach((key, release) -> counts.put(key, release.counts()));
        return counts;
    }
}
