package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TestIngestApplication;
import ca.calgary.representation.metrics.RepresentationServiceApplication;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Crashes as an operator meets them, each a real SIGKILL of a service in its own JVM (no close, no commit, no
 * flush): the representation service killed in the middle of a first load and started again on its state
 * directory; the hiring service killed in the middle of a batch and the batch sent again; the broker stopped and
 * started under a load. Afterwards the figures are
 * what the simulation itself counts (the reference fold), nothing lost and nothing counted twice. The recovery times
 * are printed ({@code target/failsafe-reports/*CrashRecoveryIT-output.txt}). A platform of its own: the figures
 * must be this load's alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final String NAME = "crash";
    private static final int BATCH = 5_000;

    private static LocalPlatformConfig platformConfig;
    private static LocalPlatform platform;
    private static List<String> platformArguments;
    private static final Map<String, ConfigurableApplicationContext> ingest = new LinkedHashMap<>();
    private static Path representationState;
    private static ServiceProcess representation;
    private static SimulationSummary simulated;

    @BeforeAll
    static void start() throws Exception {
        platformConfig = LocalPlatformConfig.withFreePorts(Files.createTempDirectory("crash-recovery-platform-"));
        platform = LocalPlatform.start(platformConfig);
        platformArguments = Pipeline.platformArguments(platform.bootstrapServers(), platform.registryUrl());
        for (String service : List.of("hiring", "promotion", "mentorship")) {
            List<String> arguments = new ArrayList<>(platformArguments);
            arguments.addAll(Pipeline.ingestArguments(NAME, service));
            ingest.put(service, new SpringApplicationBuilder(TestIngestApplication.class)
                    .run(arguments.toArray(String[]::new)));
        }
        representationState = Files.createTempDirectory("crash-representation-");
        representation = startRepresentation();
    }

    @AfterAll
    static void stop() {
        if (representation != null) {
            representation.close();
        }
        ingest.values().forEach(ConfigurableApplicationContext::close);
        if (platform != null) {
            platform.close();
        }
    }

    private static ServiceProcess startRepresentation() throws Exception {
        List<String> arguments = new ArrayList<>(platformArguments);
        arguments.addAll(Pipeline.representationArguments(NAME, representationState));
        return ServiceProcess.start("representation", RepresentationServiceApplication.class, arguments);
    }

    @Test
    @Order(1)
    void aRepresentationServiceKilledInTheMiddleOfAFirstLoadCatchesUpToTheSameFigures() throws Exception {
        Simulation simulation = WorkforceSimulation.run(WorkforcePipelineScenario.SETTINGS);
        simulated = simulation.summary();
        IngestReplay replay = new IngestReplay(Pipeline.ingestTarget(ingest),
                Files.createTempDirectory("crash-simulation-").resolve("progress"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(replay.replay(simulation).accepted()).isEqualTo(simulation.events().size());

        // Wait until the load is well under way, then kill it.
        Http metrics = representation.http();
        JsonStatus atKill = JsonStatus.await(metrics, status -> status.published() && !status.caughtUp(),
                Duration.ofSeconds(120));
        representation.kill();
        System.out.printf(Locale.ROOT, "Representation service killed mid-load: %,d events still to read, %,d changes "
                + "unpublished%n", atKill.lagEvents(), atKill.unpublishedChanges());

        Instant restarted = Instant.now();
        representation = startRepresentation();
        Instant ready = Instant.now();
        representation.http().awaitCaughtUp(Pipeline.LEADER, ready, Duration.ofMinutes(4));
        System.out.printf(Locale.ROOT, "Recovery: ready %.1f s after the restart, caught up %.1f s after it%n",
                Duration.between(restarted, ready).toMillis() / 1e3,
                Duration.between(restarted, Instant.now()).toMillis() / 1e3);

        WorkforcePipelineScenario.assertFiguresOf(representation.http(), simulated);
    }

    @Test
    @Order(2)
    void aHiringServiceKilledInTheMiddleOfABatchTakesTheBatchAgainWithoutLossOrDoubles() throws Exception {
        List<String> arguments = new ArrayList<>(platformArguments);
        arguments.addAll(Pipeline.ingestArguments(NAME + "-crashing", "hiring"));
        ServiceProcess hiring = ServiceProcess.start("hiring", TestIngestApplication.class, arguments);
        String batch = hires("crash", BATCH);
        long before = hiringTopicEnd();

        // Kill it once part of the batch is in Kafka and before it has answered.
        CompletableFuture<HttpResponse<String>> answer = postBatch(hiring, batch);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (hiringTopicEnd() == before && !answer.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        hiring.kill();
        assertThat(answer).as("killed before it answered: the test needs a larger batch otherwise")
                .failsWithin(Duration.ofSeconds(30));
        long written = hiringTopicEnd() - before;
        System.out.printf(Locale.ROOT, "Hiring service killed mid-batch: %,d of %,d records were written%n", written,
                BATCH);

        Instant restarted = Instant.now();
        try (ServiceProcess again = ServiceProcess.start("hiring", TestIngestApplication.class, arguments,
                hiring.port())) {
            System.out.printf(Locale.ROOT, "Recovery: the hiring service took batches again %.1f s after the "
                    + "restart%n", Duration.between(restarted, Instant.now()).toMillis() / 1e3);
            Http.Response resent = again.http().post("/v1/events/batch", "application/x-ndjson", batch,
                    "hr-publisher:" + Pipeline.PUBLISHER_PASSWORD);
            assertThat(resent.status()).as(resent.body()).isIn(200, 202);
            long accepted = resent.json().path("accepted").asLong();
            long duplicates = resent.json().path("duplicates").asLong();
            assertThat(accepted + duplicates).as("accepted + duplicates = sent").isEqualTo(BATCH);
            System.out.printf(Locale.ROOT, "Batch sent again: %,d accepted, %,d duplicates%n", accepted, duplicates);
        }

        Http metrics = representation.http();
        metrics.awaitCaughtUp(Pipeline.LEADER, Instant.now(), Duration.ofMinutes(3));
        assertThat(metrics.get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL", Pipeline.LEADER).json().path(0)
                .path("headcount").asLong()).as("every hire of the batch counted once")
                .isEqualTo(simulated.activeEmployees() + (long) BATCH);
    }

    @Test
    @Order(3)
    void theBrokerStoppedAndStartedUnderALoadLosesNothing() throws Exception {
        Http hiring = Pipeline.http(ingest.get("hiring"));
        Http.Response accepted = hiring.post("/v1/events/batch", "application/x-ndjson", hires("outage", BATCH),
                "hr-publisher:" + Pipeline.PUBLISHER_PASSWORD);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        // The batch is in Kafka and being processed: stop the broker (and registry) under it, then start them again.
        platform.close();
        Thread.sleep(5_000);
        Instant restarted = Instant.now();
        platform = LocalPlatform.start(platformConfig);

        Http metrics = representation.http();
        metrics.awaitCaughtUp(Pipeline.LEADER, Instant.now(), Duration.ofMinutes(3));
        System.out.printf(Locale.ROOT, "Recovery: caught up %.1f s after the broker was started again%n",
                Duration.between(restarted, Instant.now()).toMillis() / 1e3);
        assertThat(metrics.get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL", Pipeline.LEADER).json().path(0)
                .path("headcount").asLong()).as("every hire of both batches counted once")
                .isEqualTo(simulated.activeEmployees() + 2L * BATCH);
    }

    /** {@code count} new firefighters, hired on the simulation's last quarter, with ids that start with {@code prefix}. */
    private static String hires(String prefix, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            String id = String.format(Locale.ROOT, "%05d", i);
            lines.append("{\"type\":\"EmployeeHired\",\"eventId\":\"").append(prefix).append("-hire-").append(id)
                    .append("\",\"employeeId\":\"").append(prefix.toUpperCase(Locale.ROOT)).append("-").append(id)
                    .append("\",\"effectiveDate\":\"2026-09-01\",\"recordedAt\":\"2026-09-01T09:00:00Z\","
                            + "\"source\":\"crash-test\",\"position\":{\"jobCode\":\"FIR-FRO\",\"jobTitle\":"
                            + "\"Firefighter\",\"level\":\"FRONTLINE\",\"orgUnitPath\":\"City/Public Safety/Calgary "
                            + "Fire Department/Prevention\",\"serviceLine\":\"FIRE\"}}\n");
        }
        return lines.toString();
    }

    private static CompletableFuture<HttpResponse<String>> postBatch(ServiceProcess hiring, String batch) {
        String credentials = Base64.getEncoder().encodeToString(("hr-publisher:" + Pipeline.PUBLISHER_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hiring.port()
                        + "/v1/events/batch"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(batch, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The end of the employment events topic (every partition), transactions' markers included. */
    private static long hiringTopicEnd() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.bootstrapServers()))) {
            String topic = EventTopic.EMPLOYMENT.topicName();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(partition -> ends.put(new TopicPartition(topic, partition.partition()),
                            OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /** The parts of {@code /v1/status} the test follows; {@code published}: the live figures have changed. */
    private record JsonStatus(boolean caughtUp, long lagEvents, long unpublishedChanges, boolean published) {

        static JsonStatus await(Http metrics, java.util.function.Predicate<JsonStatus> condition, Duration atMost)
                throws InterruptedException {
            long giveUp = System.nanoTime() + atMost.toNanos();
            JsonStatus last = null;
            while (System.nanoTime() < giveUp) {
                var status = metrics.get("/v1/status", Pipeline.LEADER).json();
                last = new JsonStatus(status.path("caughtUp").asBoolean(), status.path("lagEvents").asLong(),
                        status.path("unpublishedChanges").asLong(), status.path("computedAt").has("representation"));
                if (condition.test(last)) {
                    return last;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no such status within " + atMost + ": " + last);
        }
    }
}
