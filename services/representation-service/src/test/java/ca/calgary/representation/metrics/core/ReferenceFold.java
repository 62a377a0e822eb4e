package ca.calgary.representation.metrics.core;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.ingest.core.OutgoingEvent;

/**
 * The figures of a set of events computed the plainest way, with no Kafka: group by employee, fold each history,
 * count every active employee in every matching cell. The topology must agree with it.
 */
public final class ReferenceFold {

    private ReferenceFold() {
    }

    public static Map<CellKey, GroupCounts> table(List<OutgoingEvent> events, LocalDate asOf,
                                                  RepresentationConfig config) {
        Map<String, EmployeeHistory> histories = new HashMap<>();
        for (OutgoingEvent event : events) {
            EmployeeEvent entry = EmployeeEvents.from((Object) event.value()).orElse(null);
            if (entry != null) {
                histories.merge(event.key(), EmployeeHistory.empty().with(entry), (a, b) -> a.with(entry));
            }
        }
        Map<CellKey, GroupCounts> table = new HashMap<>();
        for (EmployeeHistory history : histories.values()) {
            EmployeeState state = history.stateAsOf(asOf);
            if (!state.active()) {
                continue;
            }
            for (CellKey key : CellKey.of(state.placement(), config.publicSafetyServiceLines())) {
                table.merge(key, GroupCounts.empty().plus(state.groups(), state.activeMentee(), 1),
                        (a, b) -> a.plus(state.groups(), state.activeMentee(), 1));
            }
        }
        return table;
    }
}
