package ca.calgary.representation.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.core.Pseudonymizer;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Kafka and the registry go away under a running service and come back: while they are away the caller gets 503
 * with Retry-After, nothing is half-published, and readiness is out of service naming both (liveness stays up);
 * afterwards readiness is back by itself, the same request is accepted, and each event is in Kafka exactly once.
 */
@SpringBootTest(classes = TestIngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class KafkaOutageIT {

    private static LocalPlatformConfig config;
    private static LocalPlatform platform;

    @BeforeAll
    static void startOwnPlatform() throws Exception {
        config = LocalPlatformConfig.withFreePorts(Files.createTempDirectory("outage-platform-"));
        platform = LocalPlatform.start(config);
    }

    @AfterAll
    static void stopOwnPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", config::bootstrapServers);
        registry.add("spring.kafka.properties.schema.registry.url",
                () -> config.registryBaseUrl() + "/apis/ccompat/v7");
    }

    @LocalServerPort
    int port;

    @Autowired
    Pseudonymizer pseudonymizer;

    @Test
    void whileKafkaIsDownCallersGet503WithRetryAfterAndNoEventIsLost() {
        Http http = new Http(port);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        String before = UUID.randomUUID().toString();
        String during = UUID.randomUUID().toString();
        assertThat(http.post("/v1/events", "application/json", IngestApiIT.hire(before, "E-OUT-1"), Http.PUBLISHER)
                .status()).isEqualTo(202);

        platform.close();
        Http.Response refused = http.post("/v1/events/batch", "application/json",
                "[" + IngestApiIT.hire(during, "E-OUT-2") + "]", Http.PUBLISHER);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(refused.json().path("type").stringValue()).endsWith("/event-log-unavailable");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/actuator/health/readiness", null).status() == 503);
        // readiness goes out of service on the first probe that fails: each dependency's detail follows on its own
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var readiness = http.get("/actuator/health/readiness", Http.ADMIN).json();
            assertThat(readiness.path("components").path("dependencies").path("details").path("kafka")
                    .stringValue()).startsWith("does not answer since");
            assertThat(readiness.path("components").path("dependencies").path("details").path("schemaRegistry")
                    .stringValue()).startsWith("does not answer since");
        });
        assertThat(http.get("/actuator/health/liveness", null).status())
                .as("liveness stays up, so an orchestrator does not restart-loop the service").isEqualTo(200);

        platform = LocalPlatform.start(config);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                http.get("/actuator/health/readiness", null).status() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                http.post("/v1/events/batch", "application/json", "[" + IngestApiIT.hire(during, "E-OUT-2") + "]",
                        Http.PUBLISHER).status() == 202);

        String beforeKey = pseudonymizer.eventKey(before);
        String duringKey = pseudonymizer.eventKey(during);
        // A commit is durable once the coordinator has logged it, but its markers reach the partition afterwards;
        // a restarted coordinator writes them again, and until then read_committed readers stop short of them.
        var records = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> TopicReader.records(platform, EventTopic.EMPLOYMENT.topicName()),
                        read -> read.stream().anyMatch(r -> r.value().toString().contains(beforeKey))
                                && read.stream().anyMatch(r -> r.value().toString().contains(duringKey)));
        assertThat(records).filteredOn(r -> r.value().toString().contains(beforeKey)).hasSize(1);
        assertThat(records).filteredOn(r -> r.value().toString().contains(duringKey)).hasSize(1);
    }

}
