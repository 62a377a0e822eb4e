package ca.calgary.representation.ingest.core;

import java.util.EnumSet;
import java.util.Set;

/** The three ingest services, each the only publisher of its event types. */
public enum IngestService {
    HIRING, PROMOTION, MENTORSHIP;

    /** The event types this service accepts. */
    public Set<EventType> eventTypes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (type.service() == this) {
                types.add(type);
            }
        }
        return types;
    }
}
