package ca.calgary.representation.serde;

import static ca.calgary.representation.serde.SerdeFixtures.TOPIC;
import static ca.calgary.representation.serde.SerdeFixtures.deserializer;
import static ca.calgary.representation.serde.SerdeFixtures.greeting;
import static ca.calgary.representation.serde.SerdeFixtures.greetingV1;
import static ca.calgary.representation.serde.SerdeFixtures.serializer;
import static ca.calgary.representation.serde.SerdeFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;

import ca.calgary.representation.serde.testing.Greeting;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroDeserializerTest {

    private InMemoryRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new InMemoryRegistry(1);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void readsIntoTheGeneratedClassWithSpecificReader() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());

        Object read = deserializer(settings(registry.url(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true))
                .deserialize(TOPIC, bytes);

        assertThat(read).isEqualTo(greeting());
    }

    @Test
    void readsAGenericRecordByDefault() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());

        Object read = deserializer(settings(registry.url())).deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(Greeting.class);
        assertThat(((GenericRecord) read).get("sentOn")).isEqualTo((int) LocalDate.of(2025, 6, 21).toEpochDay());
    }

    @Test
    void logicalTypeConvertersApplyToGenericRecordsWhenAsked() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());

        GenericRecord read = (GenericRecord) deserializer(settings(registry.url(),
                AvroSerdeConfig.USE_LOGICAL_TYPE_CONVERTERS, true)).deserialize(TOPIC, bytes);

        assertThat(read.get("sentOn")).isEqualTo(LocalDate.of(2025, 6, 21));
    }

    @Test
    void aRecordWrittenWithTheOlderSchemaIsReadIntoTheNewerClass() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greetingV1());

        Greeting read = (Greeting) deserializer(settings(registry.url(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true))
                .deserialize(TOPIC, bytes);

        assertThat(read.getId()).isEqualTo("g-old");
        assertThat(read.getSentOn()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(read.getLanguage()).isEqualTo("en");
    }

    @Test
    void schemasByIdAreCachedForGood() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());
        AvroDeserializer deserializer = deserializer(settings(registry.url()));

        deserializer.deserialize(TOPIC, bytes);
        deserializer.deserialize(TOPIC, bytes);

        assertThat(registry.requests()).containsExactly("POST /subjects/greetings-value/versions",
                "GET /schemas/ids/1");
    }

    @Test
    void nullStaysNull() {
        assertThat(deserializer(settings(registry.url())).deserialize(TOPIC, null)).isNull();
    }

    @Test
    void anUnknownSchemaIdIsAClearError() {
        byte[] bytes = {0, 0, 0, 0, 99, 2, 'x'};

        assertThatThrownBy(() -> deserializer(settings(registry.url())).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("value of topic 'greetings'")
                .hasMessageContaining("schema id 99")
                .hasMessageContaining("unknown schema id");
    }

    @Test
    void aWrongMagicByteIsAClearError() {
        byte[] json = "{\"id\":\"g-1\"}".getBytes();

        assertThatThrownBy(() -> deserializer(settings(registry.url())).deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'greetings'")
                .hasMessageContaining("unknown magic byte 0x7b");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void aPayloadShorterThanTheHeaderIsAClearError() {
        assertThatThrownBy(() -> deserializer(settings(registry.url())).deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'greetings'")
                .hasMessageContaining("truncated payload of 3 byte(s)");
    }

    @Test
    void aTruncatedBodyIsAClearError() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 6);

        assertThatThrownBy(() -> deserializer(settings(registry.url())).deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'greetings'")
                .hasMessageContaining("schema id 1")
                .hasMessageContaining("truncated Avro body");
    }

    @Test
    void aRegistryOutageFailsAfterBoundedRetriesNamingTopicIdAndCause() {
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());
        registry.failNext(100, 502);
        AvroDeserializer deserializer = deserializer(settings(registry.url(), AvroSerdeConfig.MAX_RETRIES, 1));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'greetings'")
                .hasMessageContaining("schema id 1")
                .hasMessageContaining("schema registry unavailable")
                .hasMessageContaining("HTTP 502");
        assertThat(registry.requests()).hasSize(1 + 2);
    }

    @Test
    void specificReaderWithoutAGeneratedClassIsAClearError() {
        Schema unknown = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Unknown\",\"namespace\":\"nowhere\","
                + "\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
        org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(unknown);
        record.put("x", 1);
        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, record);

        assertThatThrownBy(() -> deserializer(settings(registry.url(), AvroSerdeConfig.SPECIFIC_AVRO_READER, true))
                .deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no generated class nowhere.Unknown");
    }
}
