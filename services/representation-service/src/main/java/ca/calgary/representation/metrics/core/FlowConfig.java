package ca.calgary.representation.metrics.core;

import java.time.Duration;

/**
 * What SPEC §7 leaves to configuration: the first quarter reported (default 2023-Q1, the start of the Anti-Racism
 * Strategic Framework 2023-2027) and the reference group of the adverse-impact comparisons (default WHITE_ONLY); and
 * how often changed flow figures are published (default 5 s: quarterly figures need not follow every second, and
 * each publication recomputes every changed period with its suppression); and how many partitions the period and
 * quarter aggregations are spread over (default 6, the service's topic partitions: a period's suppression family is
 * self-contained, so periods are aggregated side by side); and how many employees' flows one pass re-evaluates at
 * most (default 2,000: a transaction holds a few passes, and none may grow with the workforce).
 */
public record FlowConfig(Quarter firstQuarter, ReferenceGroup reference, Duration publishInterval, int partitions,
                         int employeesPerPass) {

    public static final int DEFAULT_PARTITIONS = 6;
    public static final int DEFAULT_EMPLOYEES_PER_PASS = 2_000;

    public FlowConfig {
        if (partitions < 1) {
            throw new IllegalArgumentException("flow aggregation needs at least one partition");
        }
        if (employeesPerPass < 1) {
            throw new IllegalArgumentException("a flow pass must re-evaluate at least one employee");
        }
    }


    public static FlowConfig defaults() {
        return new FlowConfig(new Quarter(2023, 1), new ReferenceGroup(Group.WHITE_ONLY), Duration.ofSeconds(5),
                DEFAULT_PARTITIONS, DEFAULT_EMPLOYEES_PER_PASS);
    }
}
