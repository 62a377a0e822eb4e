package ca.calgary.representation.events.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformExtension;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.serde.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event type through the real broker and registry with the project's serde, and back, equal. */
@ExtendWith(LocalPlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRoundTripIT {

    private final LocalPlatform platform;
    private final SchemaRegistryClient registry;

    EventRoundTripIT(LocalPlatform platform) {
        this.platform = platform;
        this.registry = new SchemaRegistryClient(new AvroSerdeConfig(
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl())));
    }

    @BeforeAll
    void provision() {
        try (Admin admin = EventTopicsOnKafka.admin(platform)) {
            new EventContractsProvisioner(3, (short) 1).provision(admin, registry, List.of(EventTopic.values()));
        }
    }

    @Test
    void everyEventTypeIsReadBackEqualWithItsKeyOnItsTopic() throws Exception {
        List<SampleEvents.Sample> samples = SampleEvents.oneOfEachType();
        EventTopicsOnKafka.publish(platform, samples, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true));

        List<ConsumerRecord<String, Object>> records = EventTopicsOnKafka.readAll(platform, topicNames(),
                samples.size());

        assertThat(records).hasSize(samples.size());
        for (SampleEvents.Sample sample : samples) {
            assertThat(records).anySatisfy(record -> {
                assertThat(record.topic()).isEqualTo(sample.topic().topicName());
                assertThat(record.key()).isEqualTo(sample.key());
                assertThat(record.value()).isEqualTo(sample.value());
            });
        }
    }

    @Test
    void provisioningCreatedTheTopicsWithTheirSettings() throws Exception {
        try (Admin admin = EventTopicsOnKafka.admin(platform)) {
            assertThat(admin.listTopics().names().get()).containsAll(topicNames());
            var config = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                            org.apache.kafka.common.config.ConfigResource.Type.TOPIC,
                            EventTopic.SELF_IDENTIFICATION.topicName())))
                    .all().get().values().iterator().next();
            assertThat(config.get("retention.ms").value()).isEqualTo("2592000000");
        }
    }

    @Test
    void everyValueSubjectIsBackwardCompatibleOnTheRegistry() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(registry.compatibility(topic.valueSubject())).contains("BACKWARD");
            assertThat(registry.latestVersion(topic.valueSubject()).schema()).isEqualTo(topic.valueSchema());
        }
    }

    @Test
    void theRegistryRefusesABackwardIncompatibleVersion() {
        Schema incompatible = SchemaBuilder.record("EmploymentEvent").namespace("ca.calgary.representation.events")
                .fields().requiredString("eventId").requiredLong("mandatoryNewField").endRecord();

        assertThatThrownBy(() -> registry.register(EventTopic.EMPLOYMENT.valueSubject(), incompatible))
                .isInstanceOf(SchemaRegistryException.class)
                .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isEqualTo(409));
    }

    @Test
    void provisioningTwiceChangesNothing() {
        int before = registry.latestVersion(EventTopic.MENTORSHIP.valueSubject()).version();
        try (Admin admin = EventTopicsOnKafka.admin(platform)) {
            new EventContractsProvisioner(3, (short) 1).provision(admin, registry, List.of(EventTopic.values()));
        }
        assertThat(registry.latestVersion(EventTopic.MENTORSHIP.valueSubject()).version()).isEqualTo(before);
    }

    private static Set<String> topicNames() {
        return Arrays.stream(EventTopic.values()).map(EventTopic::topicName).collect(Collectors.toSet());
    }
}
