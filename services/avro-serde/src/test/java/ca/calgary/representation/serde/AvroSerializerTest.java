package ca.calgary.representation.serde;

import static ca.calgary.representation.serde.SerdeFixtures.TOPIC;
import static ca.calgary.representation.serde.SerdeFixtures.greeting;
import static ca.calgary.representation.serde.SerdeFixtures.greetingV1;
import static ca.calgary.representation.serde.SerdeFixtures.greetingV1Schema;
import static ca.calgary.representation.serde.SerdeFixtures.serializer;
import static ca.calgary.representation.serde.SerdeFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import ca.calgary.representation.serde.testing.Greeting;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    private InMemoryRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new InMemoryRegistry(42);
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void bytesEqualAConfluentFramingBuiltIndependentlyFromAvrosEncoder() throws IOException {
        Greeting greeting = greeting();

        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting);

        // Independent encoding: a generic record with the same values, Avro's buffered encoder, hand-built header.
        GenericRecord generic = new GenericData.Record(Greeting.getClassSchema());
        generic.put("id", "g-1");
        generic.put("text", "Oki, Tansi, Aaniin");
        generic.put("sentOn", (int) greeting.getSentOn().toEpochDay());
        generic.put("language", "bla");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(new byte[] {0, 0, 0, 0, 42});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new GenericDatumWriter<GenericRecord>(Greeting.getClassSchema()).write(generic, encoder);
        encoder.flush();

        assertThat(bytes).isEqualTo(expected.toByteArray());
        assertThat(registry.requests()).containsExactly("POST /subjects/greetings-value/versions");
    }

    @Test
    void keysUseTheKeySubject() {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(settings(registry.url()), true);

        serializer.serialize(TOPIC, greeting());

        assertThat(registry.requests()).containsExactly("POST /subjects/greetings-key/versions");
    }

    @Test
    void idsAreCachedForGood() {
        AvroSerializer serializer = serializer(settings(registry.url()));

        serializer.serialize(TOPIC, greeting());
        serializer.serialize(TOPIC, greeting());
        serializer.serialize(TOPIC, greeting());

        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void nullStaysNullSoTombstonesPassThrough() {
        assertThat(serializer(settings(registry.url())).serialize(TOPIC, null)).isNull();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void withoutAutoRegistrationTheSchemaIsLookedUpNotRegistered() {
        int id = registry.add("greetings-value", Greeting.getClassSchema());
        AvroSerializer serializer = serializer(settings(registry.url(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        byte[] bytes = serializer.serialize(TOPIC, greeting());

        assertThat(bytes[4]).isEqualTo((byte) id);
        assertThat(registry.requests()).containsExactly("POST /subjects/greetings-value");
    }

    @Test
    void withoutAutoRegistrationAnUnregisteredSchemaFailsNamingTheSubject() {
        AvroSerializer serializer = serializer(settings(registry.url(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, greeting()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'greetings'")
                .hasMessageContaining("subject 'greetings-value'")
                .hasMessageContaining("40403");
    }

    @Test
    void aRegistrationRefusedBecauseAnotherClientRegisteredTheSameSchemaFirstUsesThatId() {
        // Two stream threads registering a new subject at once: Apicurio answers the second with 409.
        int id = registry.add("greetings-value", Greeting.getClassSchema());
        registry.failNext(1, 409);

        byte[] bytes = serializer(settings(registry.url())).serialize(TOPIC, greeting());

        assertThat(bytes[4]).isEqualTo((byte) id);
        assertThat(registry.requests()).containsExactly("POST /subjects/greetings-value/versions",
                "POST /subjects/greetings-value");
    }

    @Test
    void aConflictForASchemaThatIsNotRegisteredStands() {
        registry.failNext(1, 409);

        assertThatThrownBy(() -> serializer(settings(registry.url())).serialize(TOPIC, greeting()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("answered 409");
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaAndItsId() {
        registry.add("greetings-value", greetingV1Schema());
        int latestId = registry.add("greetings-value", Greeting.getClassSchema());
        AvroSerializer serializer = serializer(settings(registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true));

        byte[] bytes = serializer.serialize(TOPIC, greetingV1());

        assertThat(bytes[4]).isEqualTo((byte) latestId);
        AvroDeserializer reader = SerdeFixtures.deserializer(settings(registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
        Greeting read = (Greeting) reader.deserialize(TOPIC, bytes);
        assertThat(read.getId()).isEqualTo("g-old");
        assertThat(read.getLanguage()).isEqualTo("en");
        assertThat(registry.requests()).doesNotContain("POST /subjects/greetings-value/versions");
    }

    @Test
    void useLatestVersionRefusesARecordTheLatestSchemaCannotRead() {
        registry.add("greetings-value", greetingV1Schema());
        AvroSerializer serializer = serializer(settings(registry.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true));
        GenericRecord other = new GenericData.Record(new org.apache.avro.Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Greeting\",\"namespace\":\"ca.calgary.representation.serde.testing\","
                        + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}"));
        other.put("id", 7L);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, other))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("latest schema of subject 'greetings-value'");
    }

    @Test
    void basicAuthFromUserInfo() {
        serializer(settings(registry.url(), AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                AvroSerdeConfig.BASIC_AUTH_USER_INFO, "hr-system:s3cret")).serialize(TOPIC, greeting());

        assertThat(registry.authorizations()).containsExactly(basic("hr-system:s3cret"));
    }

    @Test
    void basicAuthFromTheUrl() {
        String url = registry.url().replace("http://", "http://hr-system:s3cret@");

        serializer(settings(url)).serialize(TOPIC, greeting());

        assertThat(registry.authorizations()).containsExactly(basic("hr-system:s3cret"));
    }

    @Test
    void aDeadRegistryUrlFallsOverToTheNext() throws IOException {
        String dead = "http://127.0.0.1:" + closedPort();

        byte[] bytes = serializer(settings(dead + "," + registry.url())).serialize(TOPIC, greeting());

        assertThat(bytes).isNotNull();
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() {
        registry.failNext(2, 503);

        byte[] bytes = serializer(settings(registry.url(), AvroSerdeConfig.MAX_RETRIES, 3)).serialize(TOPIC, greeting());

        assertThat(bytes).isNotNull();
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void aRegistryOutageFailsAfterBoundedRetriesNamingTopicAndCause() {
        registry.failNext(100, 503);
        AvroSerializer serializer = serializer(settings(registry.url(), AvroSerdeConfig.MAX_RETRIES, 2));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, greeting()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'greetings'")
                .hasMessageContaining("schema registry unavailable")
                .hasMessageContaining("3 time(s)")
                .hasMessageContaining("HTTP 503");
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetried() {
        registry.failNext(1, 422);
        AvroSerializer serializer = serializer(settings(registry.url(), AvroSerdeConfig.MAX_RETRIES, 5));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, greeting()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("422");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void refusesSomethingThatIsNotAnAvroRecord() {
        assertThatThrownBy(() -> serializer(settings(registry.url())).serialize(TOPIC, "plain text"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.lang.String is not an Avro record");
    }

    @Test
    void onlyTopicNameStrategyIsAccepted() {
        assertThatThrownBy(() -> serializer(settings(registry.url(), AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TopicNameStrategy");
    }

    @Test
    void useLatestVersionWithAutoRegistrationIsAConfigurationError() {
        assertThatThrownBy(() -> serializer(settings(registry.url(), AvroSerdeConfig.USE_LATEST_VERSION, true)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas=false");
    }

    @Test
    void aRegistryUrlIsRequired() {
        AvroSerializer serializer = new AvroSerializer();
        assertThatThrownBy(() -> serializer.configure(java.util.Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
