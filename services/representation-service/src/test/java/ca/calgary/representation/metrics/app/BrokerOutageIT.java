package ca.calgary.representation.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TestIngestApplication;
import ca.calgary.representation.metrics.RepresentationServiceApplication;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The broker and the registry stop under a running ingest service and representation service and start again:
 * while they are away both services are out of service (readiness, naming what is away) but alive; afterwards both
 * are ready again by themselves, and an event published then is counted, without restarting either service. A
 * killed broker is started again by the local platform itself, and the same holds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageIT {

    private static final String LEADER = "leader:leader-secret";
    private static final String ADMIN = "admin:admin-secret";
    private static LocalPlatformConfig config;
    private static LocalPlatform platform;
    private static ConfigurableApplicationContext hiring;
    private static ConfigurableApplicationContext representation;

    @BeforeAll
    static void start() throws Exception {
        config = LocalPlatformConfig.withFreePorts(Files.createTempDirectory("broker-outage-platform-"));
        platform = LocalPlatform.start(config);
        String kafka = "--spring.kafka.bootstrap-servers=" + config.bootstrapServers();
        String registry = "--spring.kafka.properties.schema.registry.url=" + config.registryBaseUrl()
                + "/apis/ccompat/v7";
        hiring = TestIngestApplication.start("HIRING", "hiring-broker-outage", platform.bootstrapServers(),
                platform.registryUrl());
        representation = new SpringApplicationBuilder(RepresentationServiceApplication.class).run(
                "--spring.config.name=application", "--server.port=0",
                "--representation.metrics.application-id=representation-broker-outage",
                "--representation.metrics.topic-partitions=3",
                "--representation.metrics.state-dir=" + Files.createTempDirectory("representation-broker-outage-"),
                "--representation.security.users[0].name=leader",
                "--representation.security.users[0].password={noop}leader-secret",
                "--representation.security.users[0].roles[0]=LEADERSHIP",
                "--representation.security.users[1].name=admin",
                "--representation.security.users[1].password={noop}admin-secret",
                "--representation.security.users[1].roles[0]=ADMINISTRATOR", kafka, registry);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {representation, hiring}) {
            if (context != null) {
                context.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void bothServicesLeaveAndRejoinServiceWithTheBrokerAndCountWhatComesAfter() throws Exception {
        Http ingest = new Http(port(hiring));
        Http metrics = new Http(port(representation));
        awaitReadiness(ingest, 200, 120);
        awaitReadiness(metrics, 200, 120);
        String events = Files.readString(ProjectFiles.golden().resolve("06-small-cells/events.jsonl"));
        assertThat(ingest.post("/v1/events/batch", "application/x-ndjson", events, Http.PUBLISHER).status())
                .isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> headcount(metrics) == 64);

        platform.close();

        awaitReadiness(ingest, 503, 30);
        awaitReadiness(metrics, 503, 30);
        // readiness may go out of service on the registry (stopped first) before the next Kafka probe fails
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(metrics.get("/actuator/health/readiness", ADMIN).json().path("components")
                        .path("dependencies").path("details").path("kafka").stringValue())
                        .startsWith("does not answer since"));
        assertThat(ingest.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(metrics.get("/actuator/health/liveness", null).status()).isEqualTo(200);

        platform = LocalPlatform.start(config);

        awaitReadiness(ingest, 200, 90);
        awaitReadiness(metrics, 200, 90);
        hire(ingest, "after-the-outage");
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> headcount(metrics) == 65);
    }

    @Test
    @Order(2)
    void aKilledBrokerIsStartedAgainByThePlatformAndWhatComesAfterIsCounted() throws Exception {
        Http ingest = new Http(port(hiring));
        Http metrics = new Http(port(representation));
        awaitReadiness(ingest, 200, 120);
        awaitReadiness(metrics, 200, 120);
        // the first test's events are counted; this one adds to them
        long before = Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> headcount(metrics), n -> n > 0);
        int restarts = platform.restarts();

        platform.brokerProcess().destroyForcibly();

        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> platform.restarts() == restarts + 1
                && platform.isRunning());
        awaitReadiness(ingest, 200, 90);
        awaitReadiness(metrics, 200, 90);
        hire(ingest, "after-the-crash");
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> headcount(metrics) == before + 1);
    }

    /** Hires one more captain, retrying while the ingest service still answers 503 (Kafka reconnecting). */
    private static void hire(Http ingest, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                ingest.post("/v1/events", "application/json", """
                        {"type":"EmployeeHired","eventId":"%s","employeeId":"E-%s",
                         "effectiveDate":"2024-04-01","position":{"jobCode":"FIR-MAN","jobTitle":"Captain",
                         "level":"MANAGER","orgUnitPath":"City/Public Safety/Calgary Fire Department",
                         "serviceLine":"FIRE"}}""".formatted(id, id), Http.PUBLISHER).status() == 202);
    }

    private static void awaitReadiness(Http http, int status, int seconds) {
        Awaitility.await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(500))
                .until(() -> http.get("/actuator/health/readiness", null).status() == status);
    }

    private static long headcount(Http metrics) {
        Http.Response response = metrics.get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL", LEADER);
        return response.status() == 200 ? response.json().path(0).path("headcount").asLong() : -1;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
