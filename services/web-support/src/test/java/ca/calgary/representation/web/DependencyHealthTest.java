package ca.calgary.representation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class DependencyHealthTest {

    private static final Instant WENT_AWAY = Instant.parse("2026-12-02T09:00:00Z");

    private DependencyHealth health;

    @AfterEach
    void stop() {
        if (health != null) {
            health.stop();
        }
    }

    @Test
    void outOfServiceBeforeTheFirstProbeAnswers() {
        health = nothingListening(Duration.ofHours(1));

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void outOfServiceNamingEachDependencyThatDoesNotAnswerAndSinceWhen() throws Exception {
        health = nothingListening(Duration.ofHours(1));
        health.start();

        health.probe();
        Health first = health.health();
        health.probe();
        Health second = health.health();

        assertThat(second.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(second.getDetails()).containsOnlyKeys("kafka", "schemaRegistry");
        assertThat((String) second.getDetails().get("kafka")).startsWith("does not answer since " + WENT_AWAY);
        assertThat((String) second.getDetails().get("schemaRegistry"))
                .startsWith("does not answer since " + WENT_AWAY).contains("failed 1 time(s)");
        assertThat(second.getDetails()).as("the time it went away stays").isEqualTo(first.getDetails());
    }

    private static DependencyHealth nothingListening(Duration interval) {
        String nowhere = "127.0.0.1:" + closedPort();
        return new DependencyHealth(
                Map.of("bootstrap.servers", nowhere, "request.timeout.ms", 500, "default.api.timeout.ms", 1000),
                new SchemaRegistryClient(new AvroSerdeConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                        "http://" + nowhere, AvroSerdeConfig.MAX_RETRIES, 5))),
                new DependencyHealthProperties(interval, Duration.ofMillis(500)),
                Clock.fixed(WENT_AWAY, ZoneOffset.UTC));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
