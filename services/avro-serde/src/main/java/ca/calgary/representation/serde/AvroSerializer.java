package ca.calgary.representation.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records ({@code SpecificRecord} or {@code GenericRecord}) in the Confluent wire format under the
 * {@code TopicNameStrategy} subject. Like Confluent's {@code KafkaAvroSerializer}: registers the record's schema
 * ({@code auto.register.schemas=true}, the default), or looks it up without registering, or with
 * {@code use.latest.version=true} writes the subject's latest schema, which must be able to read the record's own.
 * Null stays null, so tombstones pass through.
 */
public class AvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private AvroSerdeConfig config;
    private AvroCodec codec;
    private boolean isKey;

    /** For Kafka, which instantiates serializers by class name and then calls {@link #configure}. */
    public AvroSerializer() {
    }

    /** With a shared registry client; {@link #configure} still reads the other settings. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.codec = new AvroCodec(config.useLogicalTypeConverters());
        if (registry == null) {
            registry = new SchemaRegistryClient(config);
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("AvroSerializer used before configure()");
        }
        if (!(data instanceof GenericContainer record)) {
            throw new SerializationException("cannot serialize " + WireFormat.describe(topic, isKey) + ": "
                    + data.getClass().getName() + " is not an Avro record");
        }
        String subject = WireFormat.subject(topic, isKey);
        Schema recordSchema = record.getSchema();
        int id;
        Schema writerSchema;
        try {
            if (config.autoRegisterSchemas()) {
                id = registry.register(subject, recordSchema);
                writerSchema = recordSchema;
            } else if (config.useLatestVersion()) {
                RegisteredSchema latest = registry.latestVersion(subject);
                id = latest.id();
                writerSchema = latest.schema();
            } else {
                id = registry.lookUp(subject, recordSchema);
                writerSchema = recordSchema;
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("cannot serialize " + WireFormat.describe(topic, isKey) + " as subject '"
                    + subject + "': " + e.getMessage(), e);
        }
        try {
            Object datum = writerSchema.equals(recordSchema) ? data : asLatest(data, recordSchema, writerSchema,
                    topic, subject, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(WireFormat.MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            return codec.encode(datum, writerSchema, out);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException("cannot serialize " + WireFormat.describe(topic, isKey)
                    + " with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /** The record as the subject's latest schema sees it, which must be able to read the record's own schema. */
    private Object asLatest(Object data, Schema recordSchema, Schema latest, String topic, String subject, int id)
            throws IOException {
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(latest, recordSchema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new SerializationException("cannot serialize " + WireFormat.describe(topic, isKey)
                    + ": the latest schema of subject '" + subject + "' (id " + id + ") cannot read records of "
                    + recordSchema.getFullName() + ": " + compatibility.getDescription());
        }
        byte[] own = codec.encode(data, recordSchema, new ByteArrayOutputStream(128));
        try {
            return codec.decode(own, 0, own.length, recordSchema, latest, false);
        } catch (AvroTypeException e) {
            throw new SerializationException("cannot convert " + recordSchema.getFullName() + " to the latest schema of"
                    + " subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    /** The registry client this serializer uses, for sharing with other serdes. */
    public SchemaRegistryClient registry() {
        return registry;
    }
}
