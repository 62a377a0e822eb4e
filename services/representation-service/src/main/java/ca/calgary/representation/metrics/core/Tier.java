package ca.calgary.representation.metrics.core;

import ca.calgary.representation.events.Level;

/** The tiers of SPEC §5: each holds its lowest level and every level above. */
public enum Tier {
    ALL(Level.FRONTLINE),
    LEADERSHIP(Level.SUPERVISOR),
    MANAGEMENT(Level.MANAGER),
    SENIOR_LEADERSHIP(Level.DIRECTOR),
    EXECUTIVE(Level.EXECUTIVE);

    private final Level lowest;

    Tier(Level lowest) {
        this.lowest = lowest;
    }

    public Level lowestLevel() {
        return lowest;
    }

    public boolean includes(Level level) {
        return level.ordinal() >= lowest.ordinal();
    }
}
