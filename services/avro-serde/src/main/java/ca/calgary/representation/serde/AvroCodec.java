package ca.calgary.representation.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro binary encoding and decoding with cached, thread-safe datum writers and readers. Generated classes use
 * their own model (with their logical-type conversions); generic records use plain {@link GenericData}, or one with
 * the standard conversions when asked.
 */
final class AvroCodec {

    static {
        // Avro refuses to load classes named by a schema unless trusted. The classes this serde instantiates are
        // generated Avro types on the application's classpath; trusting exactly those (and nothing else) keeps
        // Avro's protection against gadget classes while letting specific readers work without system properties.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                AvroCodec::isGeneratedAvroType));
    }

    private final GenericData genericData;
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    AvroCodec(boolean useLogicalTypeConverters) {
        this.genericData = useLogicalTypeConverters ? withConversions(new GenericData()) : GenericData.get();
    }

    byte[] encode(Object datum, Schema writerSchema, ByteArrayOutputStream out) throws IOException {
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer(datum, writerSchema).write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    Object decode(byte[] bytes, int offset, int length, Schema writerSchema, Schema readerSchema, boolean specific)
            throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
        return reader(writerSchema, readerSchema, specific).read(null, decoder);
    }

    /** The generated class for a record schema, or null when none is on the classpath. */
    static Class<?> specificClass(Schema writerSchema) {
        return SpecificData.get().getClass(writerSchema);
    }

    static Schema specificSchema(Class<?> recordClass) {
        return SpecificData.getForClass(recordClass).getSchema(recordClass);
    }

    @SuppressWarnings("unchecked")
    private DatumWriter<Object> writer(Object datum, Schema schema) {
        Class<?> specificClass = datum instanceof SpecificRecord record && record.getSchema().equals(schema)
                ? datum.getClass() : null;
        return writers.computeIfAbsent(new WriterKey(schema, specificClass), key -> key.specificClass() != null
                ? (DatumWriter<Object>) new SpecificDatumWriter<>(schema, SpecificData.getForClass(key.specificClass()))
                : new GenericDatumWriter<>(schema, genericData));
    }

    @SuppressWarnings("unchecked")
    private DatumReader<Object> reader(Schema writerSchema, Schema readerSchema, boolean specific) {
        return readers.computeIfAbsent(new ReaderKey(writerSchema, readerSchema, specific), key -> {
            if (specific) {
                SpecificData model = SpecificData.getForSchema(readerSchema);
                return (DatumReader<Object>) new SpecificDatumReader<>(writerSchema, readerSchema, model);
            }
            return new GenericDatumReader<>(writerSchema, readerSchema, genericData);
        });
    }

    private static boolean isGeneratedAvroType(Class<?> type) {
        return SpecificRecord.class.isAssignableFrom(type) || SpecificFixed.class.isAssignableFrom(type)
                || (type.isEnum() && GenericEnumSymbol.class.isAssignableFrom(type));
    }

    private static GenericData withConversions(GenericData data) {
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        return data;
    }

    private record WriterKey(Schema schema, Class<?> specificClass) {
    }

    private record ReaderKey(Schema writer, Schema reader, boolean specific) {
    }
}
