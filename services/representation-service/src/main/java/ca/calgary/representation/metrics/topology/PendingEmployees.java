package ca.calgary.representation.metrics.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The employees a per-employee processor has marked for its next pass, each with the timestamp of the newest record
 * that marked them. The store makes the marks durable (written in the transaction of the events that made them, so a
 * restart resumes with them); a pass takes its batch from a copy in key order kept in memory, because iterating the
 * store from its start steps over the tombstone of every mark deleted since its last compaction (a first load
 * deletes one per employee). Only an employee's first mark is written: one write per employee and pass, not per
 * event; after a restart a pending employee counts from that first mark. Tells the task's {@link Backlog} when it
 * starts holding marked employees. Not thread-safe: one per processor.
 */
final class PendingEmployees {

    private final NavigableMap<String, Long> marked = new TreeMap<>();
    private final Backlog backlog;
    private KeyValueStore<String, Long> store;
    private TaskId task;

    PendingEmployees(Backlog backlog) {
        this.backlog = backlog;
    }

    /** Connects the processor's store and reads the marks a previous run left in it. */
    void init(KeyValueStore<String, Long> pendingStore, TaskId taskId) {
        this.store = pendingStore;
        this.task = taskId;
        marked.clear();
        try (KeyValueIterator<String, Long> entries = store.all()) {
            entries.forEachRemaining(entry -> marked.put(entry.key, entry.value));
        }
    }

    void mark(String employee, long timestampMs) {
        Long previous = marked.get(employee);
        if (previous == null) {
            store.put(employee, timestampMs);
            if (marked.isEmpty()) {
                backlog.holding(task, true);
            }
        }
        if (previous == null || previous < timestampMs) {
            marked.put(employee, timestampMs);
        }
    }

    /**
     * Marks the employees with an event that was in the future when it arrived and takes effect on or before the
     * day (entries of {@code dueDates}, keyed {@link EmployeeHistories#dueKey}), as of {@code nowMs}: an event that
     * takes effect today is a live change. Removes their entries; returns whether there were any.
     */
    boolean markDue(KeyValueStore<String, String> dueDates, LocalDate day, long nowMs) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> entries = dueDates.range("", EmployeeHistories.dueKey(day, "\uffff"))) {
            entries.forEachRemaining(entry -> due.add(entry.key));
        }
        for (String key : due) {
            mark(key.substring(key.indexOf('|') + 1), nowMs);
            dueDates.delete(key);
        }
        return !due.isEmpty();
    }

    /** Takes up to {@code most} marked employees, first in key order, with their newest timestamps, and unmarks them. */
    List<Map.Entry<String, Long>> poll(int most) {
        List<Map.Entry<String, Long>> batch = new ArrayList<>();
        while (!marked.isEmpty() && batch.size() < most) {
            Map.Entry<String, Long> employee = marked.pollFirstEntry();
            store.delete(employee.getKey());
            batch.add(employee);
        }
        return batch;
    }

    boolean isEmpty() {
        return marked.isEmpty();
    }
}
