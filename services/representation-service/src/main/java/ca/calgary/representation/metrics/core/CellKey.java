package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.events.Level;

/** A scope and a tier: the unit the counts of all groups are kept and published for. */
public record CellKey(Scope scope, Tier tier) implements Comparable<CellKey> {

    private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::scope).thenComparing(CellKey::tier);

    /** Every (scope, tier) an active employee at this placement counts in. */
    public static List<CellKey> of(Placement placement, Set<String> publicSafetyServiceLines) {
        return of(Scope.of(placement, publicSafetyServiceLines), placement.level());
    }

    /** Every (scope, tier) of these scopes whose tier includes the level. */
    static List<CellKey> of(List<Scope> scopes, Level level) {
        List<CellKey> keys = new ArrayList<>();
        for (Scope scope : scopes) {
            for (Tier tier : Tier.values()) {
                if (tier.includes(level)) {
                    keys.add(new CellKey(scope, tier));
                }
            }
        }
        return keys;
    }

    /** The published form, {@code scope|tier}: a plain string key for Kafka. */
    public String id() {
        return scope.id() + "|" + tier.name();
    }

    public static CellKey parse(String id) {
        int bar = id.lastIndexOf('|');
        return new CellKey(new Scope(id.substring(0, bar)), Tier.valueOf(id.substring(bar + 1)));
    }

    @Override
    public int compareTo(CellKey other) {
        return ORDER.compare(this, other);
    }
}
