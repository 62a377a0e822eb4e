package ca.calgary.representation.metrics.core;

import java.time.ZoneId;
import java.util.Set;

/**
 * What SPEC leaves to configuration: the small-cell threshold k, the public-safety service lines, and the time zone
 * whose "today" current metrics use.
 */
public record RepresentationConfig(int minCellSize, Set<String> publicSafetyServiceLines, ZoneId zone) {

    public static final Set<String> DEFAULT_PUBLIC_SAFETY =
            Set.of("POLICE", "FIRE", "PEACE_OFFICERS", "EMERGENCY_COMMUNICATIONS", "EMERGENCY_MANAGEMENT");

    public static RepresentationConfig defaults() {
        return new RepresentationConfig(10, DEFAULT_PUBLIC_SAFETY, ZoneId.of("America/Edmonton"));
    }

    public RepresentationConfig {
        publicSafetyServiceLines = Set.copyOf(publicSafetyServiceLines);
    }
}
