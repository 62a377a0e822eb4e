package ca.calgary.representation.streams;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings every Kafka Streams application of the product shares: exactly-once, the cluster's replication for
 * internal topics, and compressed state stores. The caller's extra settings come first, so these always hold.
 */
public final class BaseStreamsConfig {

    private BaseStreamsConfig() {
    }

    public static Properties properties(String applicationId, String bootstrapServers, short replicationFactor,
                                        Map<String, Object> extraStreams) {
        Properties properties = new Properties();
        properties.putAll(extraStreams);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) replicationFactor);
        properties.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompressedStores.class);
        return properties;
    }
}
