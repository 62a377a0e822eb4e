package ca.calgary.representation.metrics.core;

import java.time.Duration;

/**
 * What SPEC §7 leaves to configuration: the first quarter reported (default 2023-Q1, the start of the Anti-Racism
 * Strategic Framework 2023-2027) and the reference group of the adverse-impact comparisons (default WHITE_ONLY); and
 * how often changed flow figures are published (default 5 s: quarterly figures need not follow every second, and
 * each publication recomputes every changed period with its suppression).
 */
public record FlowConfig(Quarter firstQuarter, ReferenceGroup reference, Duration publishInterval) {

    public static FlowConfig defaults() {
        return new FlowConfig(new Quarter(2023, 1), new ReferenceGroup(Group.WHITE_ONLY), Duration.ofSeconds(5));
    }
}
