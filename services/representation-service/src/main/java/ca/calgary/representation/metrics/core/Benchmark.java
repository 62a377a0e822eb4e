package ca.calgary.representation.metrics.core;

import java.math.BigDecimal;

/** An availability share for (scope, group), from a named source and year (SPEC §6). */
public record Benchmark(Scope scope, Group group, BigDecimal share, String source, int year) {

    public Benchmark {
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a benchmark share must be in (0, 1]; got " + share + " for "
                    + scope + " " + group);
        }
    }

    /** The key a benchmark is stored and replaced under: {@code scope|group}. */
    public String key() {
        return scope.id() + "|" + group.name();
    }
}
