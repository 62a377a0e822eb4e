package ca.calgary.representation.metrics.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The benchmarks in force: for (scope, group), else (ORG, group), else none (SPEC §6). */
public final class Benchmarks {

    private final Map<String, Benchmark> byKey = new HashMap<>();

    public Benchmarks(Collection<Benchmark> benchmarks) {
        benchmarks.forEach(benchmark -> byKey.put(benchmark.key(), benchmark));
    }

    public static Benchmarks none() {
        return new Benchmarks(java.util.List.of());
    }

    public Optional<Benchmark> forCell(Scope scope, Group group) {
        Benchmark own = byKey.get(scope.id() + "|" + group.name());
        return own != null ? Optional.of(own) : Optional.ofNullable(byKey.get(Scope.ORG.id() + "|" + group.name()));
    }

    /** The same benchmarks in force: every (scope, group) has the same share, source and year. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Benchmarks that && byKey.equals(that.byKey);
    }

    @Override
    public int hashCode() {
        return byKey.hashCode();
    }
}
