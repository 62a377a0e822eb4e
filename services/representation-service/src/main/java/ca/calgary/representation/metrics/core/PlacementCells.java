package ca.calgary.representation.metrics.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scopes and cells of each placement, computed once per placement. Placements repeat across employees and
 * periods, so a flow pass asks for the same few thousand again and again; shared {@link Scope} and {@link CellKey}
 * objects also hash their ids once. Bounded: past {@link #MAX_PLACEMENTS} it starts afresh. Not thread-safe.
 */
public final class PlacementCells {

    static final int MAX_PLACEMENTS = 20_000;

    private final Set<String> publicSafetyServiceLines;
    private final Map<Placement, List<Scope>> scopes = new HashMap<>();
    private final Map<Placement, List<CellKey>> cells = new HashMap<>();

    public PlacementCells(Set<String> publicSafetyServiceLines) {
        this.publicSafetyServiceLines = Set.copyOf(publicSafetyServiceLines);
    }

    /** {@link Scope#of}: every scope of the placement, broadest first (unmodifiable). */
    public List<Scope> scopes(Placement placement) {
        return remembered(scopes, placement, () -> List.copyOf(Scope.of(placement, publicSafetyServiceLines)));
    }

    /** {@link CellKey#of}: every (scope, tier) an employee at this placement counts in (unmodifiable). */
    public List<CellKey> cells(Placement placement) {
        return remembered(cells, placement, () -> List.copyOf(CellKey.of(scopes(placement), placement.level())));
    }

    private static <V> V remembered(Map<Placement, V> known, Placement placement, java.util.function.Supplier<V> compute) {
        V value = known.get(placement);
        if (value == null) {
            if (known.size() >= MAX_PLACEMENTS) {
                known.clear();
            }
            value = compute.get();
            known.put(placement, value);
        }
        return value;
    }
}
