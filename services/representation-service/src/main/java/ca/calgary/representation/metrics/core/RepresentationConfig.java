package ca.calgary.representation.metrics.core;

import java.time.ZoneId;
import java.util.Set;

import ca.calgary.representation.events.contract.TextRules;

/**
 * What SPEC leaves to configuration: the small-cell threshold k, the public-safety service lines, the time zone
 * whose "today" current metrics use, how many units an orgUnitPath may name (deeper events are dead-lettered), and
 * how many employees must have changed in a (scope, tier) before its group figures are released again (SPEC §9
 * release rule; default k, 1 publishes every change).
 */
public record RepresentationConfig(int minCellSize, Set<String> publicSafetyServiceLines, ZoneId zone,
                                   int maxOrgUnits, int releaseThreshold) {

    public static final Set<String> DEFAULT_PUBLIC_SAFETY =
            Set.of("POLICE", "FIRE", "PEACE_OFFICERS", "EMERGENCY_COMMUNICATIONS", "EMERGENCY_MANAGEMENT");

    public static RepresentationConfig defaults() {
        return new RepresentationConfig(10, DEFAULT_PUBLIC_SAFETY, ZoneId.of("America/Edmonton"));
    }

    public RepresentationConfig(int minCellSize, Set<String> publicSafetyServiceLines, ZoneId zone) {
        this(minCellSize, publicSafetyServiceLines, zone, TextRules.DEFAULT_MAX_ORG_UNITS, minCellSize);
    }

    public RepresentationConfig {
        publicSafetyServiceLines = Set.copyOf(publicSafetyServiceLines);
        if (releaseThreshold < 1) {
            throw new IllegalArgumentException("the release threshold must be at least 1");
        }
    }

    /** These settings with another release threshold (1: every change is released at once). */
    public RepresentationConfig withReleaseThreshold(int threshold) {
        return new RepresentationConfig(minCellSize, publicSafetyServiceLines, zone, maxOrgUnits, threshold);
    }
}
