package ca.calgary.representation.streams;

import org.apache.kafka.streams.KafkaStreams;

/** A started Kafka Streams application with what the service built around it (queryable views, ...). */
public interface StreamsApplication extends AutoCloseable {

    KafkaStreams streams();

    @Override
    void close();
}
