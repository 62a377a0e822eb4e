package ca.calgary.representation.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/** A started Kafka Streams application with what the service built around it (queryable views, ...). */
public interface StreamsApplication extends AutoCloseable {

    /** The Kafka Streams application that serves the service's reads (its queryable views). */
    KafkaStreams streams();

    /**
     * Every Kafka Streams application the service runs (a service may run work that must not delay another as a
     * separate application, with its own threads and transactions), by what it computes; the service is healthy
     * only while all run.
     */
    default Map<String, KafkaStreams> applications() {
        return Map.of("streams", streams());
    }

    /** The consumer group of each application, whose lag says how far the figures are behind their input. */
    default List<ConsumerGroup> consumerGroups() {
        return List.of();
    }

    /** The progress of each global view the service answers reads from, by its topic. */
    default Map<String, ViewProgress> views() {
        return Map.of();
    }

    /**
     * Work this instance has read but not published yet (changes waiting to settle, employees awaiting a pass): the
     * input can be caught up while the figures still wait for it.
     *
     * @param changes how many tables or employees wait
     * @param since   when the oldest of them started waiting, where known
     */
    record Unpublished(long changes, Optional<Instant> since) {

        public static final Unpublished NONE = new Unpublished(0, Optional.empty());
    }

    default Unpublished unpublished() {
        return Unpublished.NONE;
    }

    /**
     * Stops processing and leaves the consumer group at once, so the remaining instances take over this instance's
     * tasks now instead of after the session timeout (by default Kafka Streams stays in the group until then).
     */
    @Override
    default void close() {
        // Every application begins to stop at once (a zero timeout starts the shutdown and returns), so a service
        // stops within the slowest application's time, not the sum of all of theirs.
        Instant deadline = Instant.now().plus(CLOSE_TIMEOUT);
        applications().values().forEach(application -> application.close(closing(Duration.ZERO)));
        applications().values().forEach(application -> application.close(closing(
                maxOf(Duration.ZERO, Duration.between(Instant.now(), deadline)))));
    }

    /** How long a service waits for its applications to commit, flush and leave their groups when it stops. */
    Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static CloseOptions closing(Duration timeout) {
        return CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }

    private static Duration maxOf(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
