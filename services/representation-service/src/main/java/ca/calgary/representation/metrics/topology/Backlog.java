package ca.calgary.representation.metrics.topology;

import org.apache.kafka.streams.processor.TaskId;

/**
 * Whether an application has read all of its input: every partition it consumes (input and repartition topics)
 * committed to its end, and no task holding work that no offset shows (employees marked by events and not evaluated
 * yet, a quarter's re-evaluation). A backlog's tables are then complete, so {@link Settling} publishes them at once
 * instead of waiting for a quiet period. Watched from outside the topology (consumer-group offsets are not visible to
 * a processor); the per-employee processors tell it what they hold. A topology without a watch never hears it.
 */
public interface Backlog {

    /** No watch: backlogs settle by their quiet period alone. */
    Backlog UNWATCHED = () -> Long.MIN_VALUE;

    /**
     * The wall-clock time at which the latest check that found everything read began ({@link Long#MIN_VALUE} if
     * none did): every change made before it is in the tables.
     */
    long readAllSinceMs();

    /** A task's processor holds work no offset shows ({@code true}), or no longer does. */
    default void holding(TaskId task, boolean holding) {
    }
}
