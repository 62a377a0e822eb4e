package ca.calgary.representation.metrics.topology;

import java.time.LocalDate;
import java.util.Objects;

import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Each employee's history (SPEC §4) in a store, kept the same way by the live and the flow application (each
 * application has its own copy, so neither waits for the other).
 */
final class EmployeeHistories {

    static final String STORE = "employee-histories";

    private EmployeeHistories() {
    }

    /** The store, with a changelog that forgets overwritten (erased) histories within a day. */
    static StoreBuilder<KeyValueStore<String, EmployeeHistory>> store() {
        return RepresentationTopology.loggedStore(STORE, InternalSerdes.employeeHistory(),
                RepresentationTopology.ERASING_CHANGELOG);
    }

    /**
     * Records the event in its employee's history; returns the updated history, or null when the event changes
     * nothing (a duplicate eventId).
     */
    static EmployeeHistory record(KeyValueStore<String, EmployeeHistory> histories, String employeeKey,
                                  EmployeeEvent event) {
        EmployeeHistory history = Objects.requireNonNullElse(histories.get(employeeKey), EmployeeHistory.empty());
        EmployeeHistory updated = history.with(event);
        if (updated == history) {
            return null;
        }
        histories.put(employeeKey, updated);
        return updated;
    }

    /** Sortable by date: {@code YYYY-MM-DD|employeeKey} (effective dates are years 1900 to 2199). */
    static String dueKey(LocalDate date, String employeeKey) {
        return date + "|" + employeeKey;
    }
}
