package ca.calgary.representation.serde;

import static ca.calgary.representation.serde.SerdeFixtures.greeting;
import static ca.calgary.representation.serde.SerdeFixtures.greetingV1;
import static ca.calgary.representation.serde.SerdeFixtures.greetingV1Schema;
import static ca.calgary.representation.serde.SerdeFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;

import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformExtension;
import ca.calgary.representation.serde.testing.Greeting;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serde against the real registry (Apicurio's Confluent-compatible API), over HTTP. */
@ExtendWith(LocalPlatformExtension.class)
class AvroSerdeApicurioIT {

    private final LocalPlatform platform;

    AvroSerdeApicurioIT(LocalPlatform platform) {
        this.platform = platform;
    }

    private static String topic() {
        return "greetings-" + UUID.randomUUID();
    }

    @Test
    void registersLooksUpAndReadsBackThroughTheRegistry() {
        String topic = topic();
        byte[] registered = SerdeFixtures.serializer(settings(platform.registryUrl())).serialize(topic, greeting());
        byte[] lookedUp = SerdeFixtures.serializer(settings(platform.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false)).serialize(topic, greeting());

        assertThat(lookedUp).isEqualTo(registered);
        Object read = SerdeFixtures.deserializer(settings(platform.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true)).deserialize(topic, registered);
        assertThat(read).isEqualTo(greeting());
    }

    @Test
    void aPingAnswersWhenTheRegistryDoesAndFailsAtOnceWithoutRetryingWhenNothingListens() throws Exception {
        new SchemaRegistryClient(new AvroSerdeConfig(settings(platform.registryUrl()))).ping();

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryClient nowhere = new SchemaRegistryClient(new AvroSerdeConfig(settings(
                "http://127.0.0.1:" + closedPort, AvroSerdeConfig.MAX_RETRIES, 5)));
        assertThatThrownBy(nowhere::ping).isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("failed 1 time(s)");
    }

    @Test
    void anOlderVersionsRecordIsReadIntoTheNewerClass() {
        String topic = topic();
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(settings(platform.registryUrl())));
        registry.setCompatibility(topic + "-value", "BACKWARD");
        byte[] old = SerdeFixtures.serializer(settings(platform.registryUrl())).serialize(topic, greetingV1());
        SerdeFixtures.serializer(settings(platform.registryUrl())).serialize(topic, greeting());

        Greeting read = (Greeting) SerdeFixtures.deserializer(settings(platform.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true)).deserialize(topic, old);

        assertThat(read.getId()).isEqualTo("g-old");
        assertThat(read.getLanguage()).isEqualTo("en");
        assertThat(registry.latestVersion(topic + "-value").version()).isEqualTo(2);
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchemaId() {
        String topic = topic();
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(settings(platform.registryUrl())));
        registry.register(topic + "-value", greetingV1Schema());
        int latest = registry.register(topic + "-value", Greeting.getClassSchema());

        byte[] bytes = SerdeFixtures.serializer(settings(platform.registryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true))
                .serialize(topic, greetingV1());

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest);
    }

    @Test
    void anUnknownSchemaIdFromTheRealRegistryIsAClearError() {
        byte[] bytes = {0, 0x7f, 0x7f, 0x7f, 0x7f, 2};

        assertThatThrownBy(() -> SerdeFixtures.deserializer(settings(platform.registryUrl())).deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 't'")
                .hasMessageContaining("schema id " + 0x7f7f7f7f)
                .hasMessageContaining("unknown schema id");
    }

    @Test
    void subjectCompatibilityCanBeSetAndRead() {
        String subject = topic() + "-value";
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl())));
        registry.register(subject, greetingV1Schema());

        registry.setCompatibility(subject, "BACKWARD");

        assertThat(registry.compatibility(subject)).contains("BACKWARD");
        assertThat(registry.subjects()).contains(subject);
    }
}
