package ca.calgary.representation.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records and schemas survive a stop and start of the platform on the same data directory. */
class PlatformRestartIT {

    @TempDir
    Path dataDirectory;

    @Test
    void oldRecordsAreReadAgainAfterARestart() throws Exception {
        LocalPlatformConfig config = LocalPlatformConfig.withFreePorts(dataDirectory);
        List<SampleEvents.Sample> samples = SampleEvents.oneOfEachType();
        Set<String> topics = Set.of(EventTopic.EMPLOYMENT.topicName(), EventTopic.SELF_IDENTIFICATION.topicName(),
                EventTopic.PROMOTION.topicName(), EventTopic.MENTORSHIP.topicName());

        try (LocalPlatform platform = LocalPlatform.start(config)) {
            SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(
                    Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl())));
            try (Admin admin = EventTopicsOnKafka.admin(platform)) {
                new EventContractsProvisioner(3, (short) 1).provision(admin, registry, List.of(EventTopic.values()));
            }
            EventTopicsOnKafka.publish(platform, samples, Map.of());
        }

        try (LocalPlatform restarted = LocalPlatform.start(config)) {
            // A new consumer and a new deserializer: the schemas come from the restarted registry by id.
            List<ConsumerRecord<String, Object>> records =
                    EventTopicsOnKafka.readAll(restarted, topics, samples.size());

            assertThat(records).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrderElementsOf(samples.stream().map(SampleEvents.Sample::value).toList());
        }
    }
}
