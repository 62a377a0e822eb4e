package ca.calgary.representation.metrics.core;

/**
 * What SPEC §7 leaves to configuration: the first quarter reported (default 2023-Q1, the start of the Anti-Racism
 * Strategic Framework 2023-2027) and the reference group of the adverse-impact comparisons (default WHITE_ONLY).
 */
public record FlowConfig(Quarter firstQuarter, ReferenceGroup reference) {

    public static FlowConfig defaults() {
        return new FlowConfig(new Quarter(2023, 1), new ReferenceGroup(Group.WHITE_ONLY));
    }
}
