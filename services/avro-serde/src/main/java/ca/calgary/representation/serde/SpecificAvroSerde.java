package ca.calgary.representation.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams {@link Serde} for generated Avro classes, in the Confluent wire format. Always reads into the
 * generated class ({@code specific.avro.reader} is forced on); serializer and deserializer share one registry client.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private SchemaRegistryClient registry;
    private AvroSerializer serializer;
    private AvroDeserializer deserializer;

    /** For Kafka, which instantiates serdes by class name and then calls {@link #configure}. */
    public SpecificAvroSerde() {
    }

    /** With a registry client shared with other serdes of the application. */
    public SpecificAvroSerde(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** A value serde on a shared registry client, configured with Confluent's keys. */
    public static <T extends SpecificRecord> SpecificAvroSerde<T> forValues(SchemaRegistryClient registry,
                                                                          Map<String, ?> configs) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(registry);
        serde.configure(configs, false);
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> specific = new HashMap<>(configs);
        specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        if (registry == null) {
            registry = new SchemaRegistryClient(new AvroSerdeConfig(specific));
        }
        serializer = new AvroSerializer(registry);
        serializer.configure(specific, isKey);
        deserializer = new AvroDeserializer(registry);
        deserializer.configure(specific, isKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Serializer<T> serializer() {
        requireConfigured();
        return (Serializer<T>) (Serializer<?>) serializer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Deserializer<T> deserializer() {
        requireConfigured();
        return (Deserializer<T>) (Deserializer<?>) deserializer;
    }

    private void requireConfigured() {
        if (serializer == null) {
            throw new IllegalStateException("SpecificAvroSerde used before configure()");
        }
    }
}
