package ca.calgary.representation.streams;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * What every Streams service builds the same way: its registry, Streams and admin settings (its global read views
 * of topics are {@link GlobalView}s).
 */
public final class StreamsViews {

    private StreamsViews() {
    }

    /** The registry settings (Confluent's keys) among Spring's Kafka properties. */
    public static Map<String, Object> registrySettings(KafkaProperties kafka) {
        Map<String, Object> registry = new HashMap<>(kafka.buildProducerProperties());
        registry.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value."));
        return registry;
    }

    /**
     * Spring's Kafka settings for a Streams application: the client security settings and
     * {@code spring.kafka.streams.properties.*} (standby replicas, threads, ...), with the state directory when given,
     * and, unless configured, one stream thread per core (the per-employee tasks then run beside the aggregators').
     * The application applies its own guarantees (application id, exactly-once, replication) over these.
     */
    public static Map<String, Object> streamsSettings(KafkaProperties kafka, Path stateDir) {
        Map<String, Object> settings = new HashMap<>(kafka.buildStreamsProperties());
        settings.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (stateDir != null) {
            settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        return settings;
    }

    /** The admin-client part of a Streams application's settings (security, bootstrap), for provisioning its topics. */
    public static Map<String, Object> adminSettings(Map<String, Object> streamsSettings, String bootstrapServers) {
        Map<String, Object> admin = new HashMap<>(streamsSettings);
        admin.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return admin;
    }
}
