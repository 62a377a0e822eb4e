package ca.calgary.representation.streams;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * What every Streams service builds the same way: global read views of topics, and its registry, Streams and admin
 * settings.
 */
public final class StreamsViews {

    private StreamsViews() {
    }

    /**
     * A global, queryable copy of a topic with string keys, so every instance answers every read; returns how far it
     * has applied its topic (a global table's own progress is not visible, hence a store of its own processor).
     * The store keeps a global table's format (values with timestamps), so state left by earlier versions is read.
     */
    public static <V> ViewProgress globalView(StreamsBuilder builder, String topic, Serde<V> values, String name) {
        ViewProgress progress = new ViewProgress(topic);
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(name),
                        Serdes.String(), values).withLoggingDisabled(),
                topic, Consumed.with(Serdes.String(), values).withName(name + "-source"),
                () -> new GlobalViewUpdater<>(name, progress));
        return progress;
    }

    /** Applies each record of the topic to the view (a null value removes its key) and notes its offset. */
    private static final class GlobalViewUpdater<V> implements Processor<String, V, Void, Void> {

        private final String storeName;
        private final ViewProgress progress;
        private ProcessorContext<Void, Void> context;
        private TimestampedKeyValueStore<String, V> view;

        GlobalViewUpdater(String storeName, ViewProgress progress) {
            this.storeName = storeName;
            this.progress = progress;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.view = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() != null) {
                if (record.value() == null) {
                    view.delete(record.key());
                } else {
                    view.put(record.key(), ValueAndTimestamp.make(record.value(), record.timestamp()));
                }
            }
            context.recordMetadata().ifPresent(metadata ->
                    progress.applied(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset()));
        }
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
