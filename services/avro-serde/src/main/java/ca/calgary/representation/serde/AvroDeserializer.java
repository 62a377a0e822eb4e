package ca.calgary.representation.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro: checks the magic byte, fetches the writer's schema by id (cached for good) and
 * decodes into a {@code GenericRecord}, or with {@code specific.avro.reader=true} into the generated class of the
 * record, resolving an older writer schema to the class's newer one. Null stays null. Every failure names the
 * topic, the schema id where known and the cause.
 */
public class AvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient registry;
    private AvroCodec codec;
    private boolean specificReader;
    private boolean isKey;

    /** For Kafka, which instantiates deserializers by class name and then calls {@link #configure}. */
    public AvroDeserializer() {
    }

    /** With a shared registry client; {@link #configure} still reads the other settings. */
    public AvroDeserializer(SchemaRegistryClient registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        this.specificReader = config.specificAvroReader();
        this.codec = new AvroCodec(config.useLogicalTypeConverters());
        if (registry == null) {
            registry = new SchemaRegistryClient(config);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (codec == null) {
            throw new IllegalStateException("AvroDeserializer used before configure()");
        }
        String what = WireFormat.describe(topic, isKey);
        if (bytes.length < WireFormat.HEADER_LENGTH) {
            throw new SerializationException("cannot deserialize " + what + ": truncated payload of " + bytes.length
                    + " byte(s), shorter than the 5-byte Confluent header (magic byte + schema id)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte magic = buffer.get();
        if (magic != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format("cannot deserialize %s: unknown magic byte 0x%02x (expected"
                    + " 0x00): not Confluent wire-format Avro", what, magic));
        }
        int id = buffer.getInt();
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            String reason = e.isNotFound() ? "unknown schema id (not in the registry)" : e.getMessage();
            throw new SerializationException("cannot deserialize " + what + " with schema id " + id + ": " + reason,
                    e);
        }
        Schema readerSchema = writerSchema;
        if (specificReader) {
            Class<?> recordClass = AvroCodec.specificClass(writerSchema);
            if (recordClass == null) {
                throw new SerializationException("cannot deserialize " + what + " with schema id " + id
                        + ": specific.avro.reader=true but no generated class " + writerSchema.getFullName()
                        + " is on the classpath");
            }
            readerSchema = AvroCodec.specificSchema(recordClass);
        }
        int bodyLength = bytes.length - WireFormat.HEADER_LENGTH;
        try {
            return codec.decode(bytes, WireFormat.HEADER_LENGTH, bodyLength, writerSchema, readerSchema,
                    specificReader);
        } catch (EOFException | ArrayIndexOutOfBoundsException e) {
            throw new SerializationException("cannot deserialize " + what + " with schema id " + id
                    + ": truncated Avro body (" + bodyLength + " byte(s) after the header end mid-record)", e);
        } catch (IOException | AvroRuntimeException | IllegalArgumentException | ClassCastException e) {
            throw new SerializationException("cannot deserialize " + what + " with schema id " + id
                    + ": corrupt Avro body or a writer schema the reader cannot resolve: " + e.getMessage(), e);
        }
    }
}
