package ca.calgary.representation.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The simulated workforce through the whole pipeline against the images docker-compose.yml deploys: Apache Kafka
 * ({@code apache/kafka}) and the Confluent Schema Registry ({@code confluentinc/cp-schema-registry}), so the
 * project's own serde is checked against Confluent's registry. Reported as skipped where Docker is not available.
 */
@Testcontainers(disabledWithoutDocker = true)
class WorkforcePipelineContainersIT {

    static final Network NETWORK = Network.newNetwork();

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.0")
            .withNetwork(NETWORK).withListener("kafka:19092");

    @Container
    static final GenericContainer<?> SCHEMA_REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:8.1.0")
            .withNetwork(NETWORK).dependsOn(KAFKA)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .withExposedPorts(8081)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));

    @Test
    void aSimulatedWorkforceFlowsThroughThePipelineOnKafkaAndConfluentSchemaRegistry() throws Exception {
        String registry = "http://" + SCHEMA_REGISTRY.getHost() + ":" + SCHEMA_REGISTRY.getMappedPort(8081);
        try (Pipeline pipeline = Pipeline.start(KAFKA.getBootstrapServers(), registry, "containers")) {
            WorkforcePipelineScenario.run(pipeline);
        }
    }
}
