package ca.calgary.representation.streams;

import java.time.Duration;

import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/** A started Kafka Streams application with what the service built around it (queryable views, ...). */
public interface StreamsApplication extends AutoCloseable {

    KafkaStreams streams();

    /**
     * Stops processing and leaves the consumer group at once, so the remaining instances take over this instance's
     * tasks now instead of after the session timeout (by default Kafka Streams stays in the group until then).
     */
    @Override
    default void close() {
        streams().close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
