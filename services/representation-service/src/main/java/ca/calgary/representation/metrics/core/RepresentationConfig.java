package ca.calgary.representation.metrics.core;

import java.time.ZoneId;
import java.util.Set;

import ca.calgary.representation.events.contract.TextRules;

/**
 * What SPEC leaves to configuration: the small-cell threshold k, the public-safety service lines, the time zone
 * whose "today" current metrics use, and how many units an orgUnitPath may name (deeper events are dead-lettered).
 */
public record RepresentationConfig(int minCellSize, Set<String> publicSafetyServiceLines, ZoneId zone,
                                   int maxOrgUnits) {

    public static final Set<String> DEFAULT_PUBLIC_SAFETY =
            Set.of("POLICE", "FIRE", "PEACE_OFFICERS", "EMERGENCY_COMMUNICATIONS", "EMERGENCY_MANAGEMENT");

    public static RepresentationConfig defaults() {
        return new RepresentationConfig(10, DEFAULT_PUBLIC_SAFETY, ZoneId.of("America/Edmonton"));
    }

    public RepresentationConfig(int minCellSize, Set<String> publicSafetyServiceLines, ZoneId zone) {
        this(minCellSize, publicSafetyServiceLines, zone, TextRules.DEFAULT_MAX_ORG_UNITS);
    }

    public RepresentationConfig {
        publicSafetyServiceLines = Set.copyOf(publicSafetyServiceLines);
    }
}
