package ca.calgary.representation.metrics.core;

import ca.calgary.representation.events.Level;

/** What of a position decides the cells: its level, unit and service line. */
public record Placement(Level level, String orgUnitPath, String serviceLine) {
}
