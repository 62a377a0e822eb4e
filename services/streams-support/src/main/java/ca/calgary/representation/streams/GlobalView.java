package ca.calgary.representation.streams;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A global, queryable copy of a topic with string keys, so every instance answers every read, and how far it has
 * applied its topic (a global table's own progress is not visible, hence a store of its own processor). Each value is
 * kept as it was published and decoded when it is read: a first load publishes hundreds of thousands of figures
 * that nobody reads one by one, and decoding each of them only to encode it again for the store took a quarter of
 * the service's CPU while they were published. The store keeps a global table's format (values with timestamps,
 * the value in the topic's own encoding), so state left by earlier versions is read.
 *
 * @param <V> the topic's value type
 */
public final class GlobalView<V> {

    private final String name;
    private final String topic;
    private final Deserializer<V> values;
    private final ViewProgress progress;

    private GlobalView(String name, String topic, Deserializer<V> values) {
        this.name = name;
        this.topic = topic;
        this.values = values;
        this.progress = new ViewProgress(topic);
    }

    /** Adds the view of {@code topic}, a store named {@code name}, to the application. */
    public static <V> GlobalView<V> of(StreamsBuilder builder, String topic, Serde<V> values, String name) {
        GlobalView<V> view = new GlobalView<>(name, topic, values.deserializer());
        builder.addGlobalStore(Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(name),
                        Serdes.String(), Serdes.ByteArray()).withLoggingDisabled(),
                topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-source"),
                () -> new Updater(name, view.progress));
        return view;
    }

    public ViewProgress progress() {
        return progress;
    }

    /**
     * For {@link KafkaStreams#setGlobalStateRestoreListener}: counts what a start brings into the views as applied.
     * The records before a view's checkpoint are in its store already and restoring passes none of them through the
     * view's processor, so without this a restarted service would count its figures as read only once a new record
     * had come in every partition of every table, which after a first load may be never.
     */
    public static StateRestoreListener restoreListener(Collection<GlobalView<?>> views) {
        Map<String, ViewProgress> byStore = new HashMap<>();
        views.forEach(view -> byStore.put(view.name, view.progress));
        return new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
                restoredBefore(partition, store, startingOffset);
            }

            @Override
            public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
                restoredBefore(partition, store, batchEndOffset);
            }

            @Override
            public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
            }

            /** Every record before {@code position} is in the store. */
            private void restoredBefore(TopicPartition partition, String store, long position) {
                ViewProgress view = byStore.get(store);
                if (view != null) {
                    view.applied(partition, position - 1);
                }
            }
        };
    }

    /** The view in a running application, its values decoded as they are read. */
    public ReadOnlyKeyValueStore<String, V> in(KafkaStreams streams) {
        return decoding(streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, byte[]>keyValueStore())));
    }

    /** A store of encoded values, read as decoded values. */
    ReadOnlyKeyValueStore<String, V> decoding(ReadOnlyKeyValueStore<String, byte[]> encoded) {
        return new ReadOnlyKeyValueStore<>() {
            @Override
            public V get(String key) {
                return decode(encoded.get(key));
            }

            @Override
            public KeyValueIterator<String, V> range(String from, String to) {
                return decoding(encoded.range(from, to));
            }

            @Override
            public KeyValueIterator<String, V> reverseRange(String from, String to) {
                return decoding(encoded.reverseRange(from, to));
            }

            @Override
            public KeyValueIterator<String, V> all() {
                return decoding(encoded.all());
            }

            @Override
            public KeyValueIterator<String, V> reverseAll() {
                return decoding(encoded.reverseAll());
            }

            @Override
            public <S extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix,
                                                                                 S prefixKeySerializer) {
                return decoding(encoded.prefixScan(prefix, prefixKeySerializer));
            }

            @Override
            public long approximateNumEntries() {
                return encoded.approximateNumEntries();
            }
        };
    }

    private KeyValueIterator<String, V> decoding(KeyValueIterator<String, byte[]> encoded) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return encoded.hasNext();
            }

            @Override
            public KeyValue<String, V> next() {
                KeyValue<String, byte[]> next = encoded.next();
                return KeyValue.pair(next.key, decode(next.value));
            }

            @Override
            public String peekNextKey() {
                return encoded.peekNextKey();
            }

            @Override
            public void close() {
                encoded.close();
            }
        };
    }

    private V decode(byte[] value) {
        return value == null ? null : values.deserialize(topic, value);
    }

    /** Applies each record of the topic to the view (a null value removes its key) and notes its offset. */
    private static final class Updater implements Processor<String, byte[], Void, Void> {

        private final String storeName;
        private final ViewProgress progress;
        private ProcessorContext<Void, Void> context;
        private TimestampedKeyValueStore<String, byte[]> view;

        Updater(String storeName, ViewProgress progress) {
            this.storeName = storeName;
            this.progress = progress;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.view = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, byte[]> record) {
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
}
