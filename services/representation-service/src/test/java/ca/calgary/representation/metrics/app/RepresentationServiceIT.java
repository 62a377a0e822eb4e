package ca.calgary.representation.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TestIngestApplication;
import ca.calgary.representation.ingest.web.TopicReader;
import ca.calgary.representation.metrics.GoldenCase;
import ca.calgary.representation.metrics.RepresentationServiceApplication;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
import ca.calgary.representation.platform.LocalPlatformExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * End to end: HR events through the hiring service's HTTP API, the representation topology on the real broker and
 * registry, and the figures read back over the metrics API (JSON, CSV, live stream) match the small-cells golden case.
 */
@ExtendWith(LocalPlatformExtension.class)
@SpringBootTest(classes = {RepresentationServiceApplication.class, RepresentationServiceIT.FixedDate.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "representation.metrics.application-id=representation-e2e",
        "representation.metrics.publish-interval=500ms",
        "representation.metrics.topic-partitions=3",
        "representation.security.users[0].name=leader",
        "representation.security.users[0].password={noop}leader-secret",
        "representation.security.users[0].roles[0]=LEADERSHIP",
        "representation.security.users[1].name=admin",
        "representation.security.users[1].password={noop}admin-secret",
        "representation.security.users[1].roles[0]=ADMINISTRATOR",
        "representation.security.users[2].name=sap-hr",
        "representation.security.users[2].password={noop}publisher-secret",
        "representation.security.users[2].roles[0]=HR_PUBLISHER"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext // closed before the shared platform stops, so Kafka Streams closes quickly
class RepresentationServiceIT {

    static final GoldenCase GOLDEN = GoldenCase.load(ProjectFiles.golden().resolve("06-small-cells"));
    static final String LEADER = "leader:leader-secret";
    static final String ADMIN = "admin:admin-secret";
    private static ConfigurableApplicationContext hiring;
    private static ConfigurableApplicationContext mentorship;

    /** "Today" is the golden case's date. */
    @TestConfiguration
    static class FixedDate {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(GOLDEN.asOf().atTime(18, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.kafka.bootstrap-servers", () -> LocalPlatformExtension.platform().bootstrapServers());
        registry.add("spring.kafka.properties.schema.registry.url", () -> LocalPlatformExtension.platform().registryUrl());
        String stateDir = Files.createTempDirectory("representation-e2e-").toString();
        registry.add("representation.metrics.state-dir", () -> stateDir);
    }

    @BeforeAll
    static void startIngestServices() {
        hiring = ingestService("HIRING");
        mentorship = ingestService("MENTORSHIP");
    }

    private static ConfigurableApplicationContext ingestService(String service) {
        return TestIngestApplication.start(service, service.toLowerCase(java.util.Locale.ROOT) + "-e2e",
                LocalPlatformExtension.platform().bootstrapServers(), LocalPlatformExtension.platform().registryUrl());
    }

    @AfterAll
    static void stopIngestServices() {
        for (ConfigurableApplicationContext ingest : new ConfigurableApplicationContext[] {hiring, mentorship}) {
            if (ingest != null) {
                ingest.close();
            }
        }
    }

    @LocalServerPort
    int port;

    private Http service() {
        Http http = new Http(port);
        Awaitility.await().atMost(Duration.ofSeconds(120))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        return http;
    }

    @Test
    @Order(1)
    void eventsThroughTheIngestApiBecomeTheGoldenFigures() throws Exception {
        Http metrics = service();
        Http ingest = new Http(((WebServerApplicationContext) hiring).getWebServer().getPort());
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> ingest.get("/actuator/health/readiness", null).status() == 200);
        String events = Files.readString(ProjectFiles.golden().resolve("06-small-cells/events.jsonl"));

        Http.Response accepted = ingest.post("/v1/events/batch", "application/x-ndjson", events, Http.PUBLISHER);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        // The status, not figures standing still, says when the figures are final.
        metrics.awaitCaughtUp(LEADER, Instant.now(), Duration.ofSeconds(120));
        Http.Response cells = metrics.get("/v1/representation", LEADER);
        assertThat(cells.status()).isEqualTo(200);
        assertThat(GOLDEN.mismatches(figures(cells.json()))).isEmpty();
        assertThat(cells.headers().firstValue("Pipeline-Caught-Up")).hasValue("true");
        assertThat(cells.headers().firstValue("Pipeline-Lag-Events")).hasValue("0");
        assertThat(Instant.parse(cells.headers().firstValue("Figures-Computed-At").orElseThrow()))
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }


    @Test
    @Order(2)
    void cellsCanBeFilteredAndExportedAsCsv() {
        Http metrics = service();

        JsonNode publicSafety = metrics.get("/v1/representation?scope=PUBLIC_SAFETY&tier=ALL", LEADER).json();
        Http.Response csv = metrics.get("/v1/representation/export.csv?scope=ORG", LEADER);
        JsonNode scopes = metrics.get("/v1/representation/scopes", LEADER).json();

        assertThat(publicSafety.size()).isEqualTo(Group.values().length);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Pipeline-Caught-Up")).as("CSV answers say how fresh they are")
                .isPresent();
        assertThat(csv.headers().firstValue("Figures-Computed-At")).isPresent();
        assertThat(csv.body()).startsWith("scope,tier,group,headcount,count,suppressed,representation")
                .contains("ORG,ALL,TOTAL,64,64,false,1.0000").contains("ORG,ALL,RESPONDED,64,,true,,");
        assertThat(scopes.propertyNames()).contains("ORG", "PUBLIC_SAFETY", "SERVICE_LINE:FIRE", "UNIT:City");
        assertThat(metrics.get("/v1/representation/data-quality", LEADER).json().path("unexplainedEvents").asLong())
                .isZero();
    }

    @Test
    @Order(3)
    void aBenchmarkChangeIsPublishedLiveAndBadOnesAreRefused() throws Exception {
        Http metrics = service();
        List<String> received = new ArrayList<>();
        CompletableFuture<Void> stream = subscribe("/v1/representation/stream?scope=ORG&tier=ALL&group=INDIGENOUS",
                received);
        Thread.sleep(1500);

        Http.Response bad = metrics.put("/v1/benchmarks",
                "{\"scope\":\"ORG\",\"group\":\"INDIGENOUS\",\"share\":1.5,\"source\":\"x\",\"year\":2021}", ADMIN);
        Http.Response notANumber = metrics.put("/v1/benchmarks",
                "{\"scope\":\"ORG\",\"group\":\"INDIGENOUS\",\"share\":NaN,\"source\":\"x\",\"year\":2021}", ADMIN);
        Http.Response noScope = metrics.put("/v1/benchmarks",
                "{\"group\":\"INDIGENOUS\",\"share\":0.1,\"source\":\"x\",\"year\":2021}", ADMIN);
        Http.Response good = metrics.put("/v1/benchmarks",
                "{\"scope\":\"ORG\",\"group\":\"INDIGENOUS\",\"share\":0.033,\"source\":\"2021 Census\",\"year\":2021}",
                ADMIN);

        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").get(0).path("field").stringValue()).isEqualTo("share");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(notANumber.json().path("errors").get(0).path("field").stringValue()).isEqualTo("share");
        assertThat(noScope.status()).isEqualTo(422);
        assertThat(noScope.json().path("errors").get(0).path("field").stringValue()).isEqualTo("scope");
        assertThat(good.status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            synchronized (received) {
                assertThat(received).anyMatch(line -> line.startsWith("event:cell"));
                assertThat(received).anyMatch(line -> line.contains("\"benchmark\":0.033"));
            }
        });
        synchronized (received) {
            assertThat(received).as("a live stream starts with the pipeline's status").contains("event:status");
            assertThat(received).anyMatch(line -> line.startsWith("data:") && line.contains("\"caughtUp\""));
        }
        assertThat(metrics.get("/v1/benchmarks", ADMIN).body()).contains("INDIGENOUS", "2021 Census");
        stream.cancel(true);
    }

    @Test
    @Order(4)
    void aUnitScopeTakesABenchmarkAndShowsItsGap() {
        Http metrics = service();
        String unit = "UNIT:City/Public Safety/Calgary Fire Department/Operations";
        String cell = "/v1/representation?scope=" + URLEncoder.encode(unit, StandardCharsets.UTF_8)
                + "&tier=ALL&group=RACIALIZED";

        Http.Response set = metrics.put("/v1/benchmarks", """
                {"scope":"%s","group":"RACIALIZED","share":0.5,"source":"unit test","year":2021}""".formatted(unit),
                ADMIN);

        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("scope").stringValue()).isEqualTo(unit);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode figures = metrics.get(cell, LEADER).json().path(0);
            assertThat(figures.path("representation").asDouble()).isEqualTo(0.375);
            assertThat(figures.path("benchmark").asDouble()).isEqualTo(0.5);
            assertThat(figures.path("gapPoints").asDouble()).isEqualTo(-12.5);
        });

        Http.Response removed = metrics.delete("/v1/benchmarks?scope="
                + URLEncoder.encode(unit, StandardCharsets.UTF_8) + "&group=RACIALIZED", ADMIN);
        Http.Response noGroup = metrics.delete("/v1/benchmarks?scope=ORG", ADMIN);

        assertThat(removed.status()).isEqualTo(204);
        assertThat(noGroup.status()).isEqualTo(400);
        assertThat(noGroup.json().path("errors").get(0).path("field").stringValue()).isEqualTo("group");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                metrics.get(cell, LEADER).json().path(0).path("benchmark").isNull());
    }

    @Test
    @Order(5)
    void everyRefusalIsAProblemNeverAContainerPage() {
        Http metrics = new Http(port);

        Http.Response error = metrics.get("/error", null);
        Http.Response encodedSlash = metrics.get("/v1/representation/UNIT:City%2FPublic%20Safety", LEADER);

        assertThat(error.status()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(error.body()).doesNotContain("999");
        assertThat(encodedSlash.status()).isBetween(400, 404);
        assertThat(encodedSlash.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    @Order(6)
    void accessIsByRole() {
        Http metrics = new Http(port);

        assertThat(metrics.get("/v1/representation", null).status()).isEqualTo(401);
        assertThat(metrics.get("/v1/representation", Http.PUBLISHER).status()).isEqualTo(403);
        assertThat(metrics.get("/v1/benchmarks", LEADER).status()).isEqualTo(403);
        assertThat(metrics.get("/actuator/prometheus", LEADER).status()).isEqualTo(403);
        assertThat(metrics.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(metrics.get("/dashboard/index.html", null).status()).isEqualTo(401);
        assertThat(metrics.get("/dashboard/dashboard.js", null).status()).isEqualTo(401);
        assertThat(metrics.get("/dashboard", Http.PUBLISHER).status()).isEqualTo(403);
        assertThat(metrics.get("/dashboard/index.html", LEADER).status()).isEqualTo(200);
        // the charting library comes from the service's own jar, behind the same credentials
        assertThat(metrics.get("/webjars/chart.js/dist/chart.umd.js", null).status()).isEqualTo(401);
        assertThat(metrics.get("/webjars/chart.js/dist/chart.umd.js", LEADER).status()).isEqualTo(200);
        assertThat(metrics.get("/v1/dashboard/settings", LEADER).json().path("headlines").findValuesAsString("scope"))
                .containsExactly("ORG", "PUBLIC_SAFETY");
        Http.Response refused = metrics.get("/v1/status", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Pipeline-Caught-Up")).as("no freshness without credentials")
                .isEmpty();
        assertThat(metrics.get("/v1/status", Http.PUBLISHER).status()).isEqualTo(403);
        assertThat(metrics.get("/v1/status", ADMIN).status()).isEqualTo(200);
        assertThat(metrics.get("/v3/api-docs", LEADER).json().path("paths").propertyNames())
                .contains("/v1/representation", "/v1/representation/stream", "/v1/benchmarks", "/v1/status");
    }

    @Test
    @Order(7)
    void aSecondInstanceAnswersTheSameFiguresAndLeavesTheGroupWhenItStops() throws Exception {
        Http first = service();
        Set<String> firstMembers = groupMembers();
        String stateDir = Files.createTempDirectory("representation-e2e-second-").toString();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(
                RepresentationServiceApplication.class, FixedDate.class).run(
                "--server.port=0",
                "--representation.metrics.application-id=representation-e2e",
                "--representation.metrics.state-dir=" + stateDir,
                "--representation.security.users[0].name=leader",
                "--representation.security.users[0].password={noop}leader-secret",
                "--representation.security.users[0].roles[0]=LEADERSHIP",
                "--spring.kafka.bootstrap-servers=" + LocalPlatformExtension.platform().bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + LocalPlatformExtension.platform().registryUrl())) {
            Http other = new Http(((WebServerApplicationContext) second).getWebServer().getPort());
            // Each instance reads its own copy of the metrics topic: they agree once the new one has caught up.
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Http.Response fromOther = other.get("/v1/representation", LEADER);
                assertThat(fromOther.status()).isEqualTo(200);
                assertThat(sorted(fromOther.json())).isNotEmpty()
                        .isEqualTo(sorted(first.get("/v1/representation", LEADER).json()));
            });
            assertThat(groupMembers()).as("both instances are in the group").hasSizeGreaterThan(firstMembers.size());
        }
        // Well within the 45 s session timeout: the stopped instance left instead of letting its tasks wait for it.
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(groupMembers()).isEqualTo(firstMembers));
    }

    /** The members of the representation service's consumer group, once it is stable. */
    private static Set<String> groupMembers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalPlatformExtension.platform().bootstrapServers()))) {
            AtomicReference<Set<String>> members = new AtomicReference<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("representation-e2e"))
                        .describedGroups().get("representation-e2e").get();
                members.set(group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet()));
                return group.groupState() == GroupState.STABLE;
            });
            return members.get();
        }
    }

    @Test
    @Order(9)
    void aRecordThatCannotBeReadIsDeadLetteredAndCountedInDataQualityAndPrometheus() throws Exception {
        Http metrics = service();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalPlatformExtension.platform().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(EventTopic.EMPLOYMENT.topicName(), "someone",
                    "{\"type\":\"EmployeeHired\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(metrics.get("/v1/representation/data-quality", LEADER).json().path("deadLetters")
                    .path("UNDECODABLE").asLong()).isEqualTo(1);
            assertThat(metrics.get("/actuator/prometheus", ADMIN).body())
                    .contains("representation_dead_letters_total{reason=\"UNDECODABLE\"} 1.0")
                    .contains("representation_dead_letters_total{reason=\"KEY_MISMATCH\"} 0.0");
        });
    }

    /** A firefighter hired on 2024-06-15 (the {@code n}th), told late. */
    private static void lateHire(Http ingest, int n) {
        Http.Response hired = ingest.post("/v1/events", "application/json",
                "{\"type\":\"EmployeeHired\",\"eventId\":\"late-hire-%d\",\"employeeId\":\"E90%02d\","
                        .formatted(n, n)
                        + "\"effectiveDate\":\"2024-06-15\",\"position\":{\"jobCode\":\"FIR-FRO\","
                        + "\"jobTitle\":\"Firefighter\",\"level\":\"FRONTLINE\","
                        + "\"orgUnitPath\":\"City/Public Safety/Calgary Fire Department/Operations\","
                        + "\"serviceLine\":\"FIRE\"}}", Http.PUBLISHER);
        assertThat(hired.status()).as(hired.body()).isEqualTo(202);
    }

    @Test
    @Order(8)
    void flowsAndSnapshotsAreServedAndLateHiresRestateFlowsOnceTenPeopleHaveChanged() throws Exception {
        Http metrics = service();
        String orgTotal = "&scope=ORG&tier=ALL&group=TOTAL";
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                metrics.get("/v1/snapshots?quarter=2024-Q2" + orgTotal, LEADER).json().size()).isEqualTo(1));
        JsonNode snapshot = metrics.get("/v1/snapshots?quarter=2024-Q2" + orgTotal, LEADER).json().get(0);
        JsonNode flows = metrics.get("/v1/flows?period=2024-Q2" + orgTotal, LEADER).json().get(0);
        assertThat(snapshot.path("figures").path("headcount").asLong()).isEqualTo(64);
        long revision = snapshot.path("revision").asLong();
        assertThat(flows.path("headcountAtStart").asLong()).isEqualTo(64);
        assertThat(flows.path("hires").asLong()).isZero();
        assertThat(metrics.get("/v1/flows/periods", LEADER).json().toString())
                .contains("\"2023-Q1\"", "\"2024-Q2\"", "\"R12M-2024-Q2\"");
        assertThat(metrics.get("/v1/snapshots?scope=ORG&tier=ALL&group=TOTAL", LEADER).json().size())
                .as("one snapshot per quarter from 2023-Q1 to 2024-Q2").isEqualTo(6);
        assertThat(metrics.get("/v1/flows/export.csv?period=2024-Q2&scope=ORG", LEADER).body())
                .startsWith("period,periodKind,periodStart,periodEnd,complete,revision,scope,tier,group,");
        assertThat(metrics.get("/v1/competitions/export.csv", LEADER).body())
                .startsWith("competitionId,period,scope,tier,targetLevel,group,revision,applicants,");

        List<String> received = new ArrayList<>();
        CompletableFuture<Void> stream = subscribe("/v1/flows/stream?period=2024-Q2" + orgTotal, received);
        Thread.sleep(1500);
        Http ingest = new Http(((WebServerApplicationContext) hiring).getWebServer().getPort());
        lateHire(ingest, 1);

        // the snapshot is restated; the period's flows are held: one late hire would be named (SPEC §9 release rule)
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode restated = metrics.get("/v1/snapshots?quarter=2024-Q2" + orgTotal, LEADER).json().get(0);
            assertThat(restated.path("figures").path("headcount").asLong()).isEqualTo(65);
            assertThat(restated.path("revision").asLong()).isGreaterThan(revision);
        });
        JsonNode held = metrics.get("/v1/flows?period=2024-Q2" + orgTotal, LEADER).json().get(0);
        assertThat(held.path("hires").asLong()).as("held until ten people have changed in it").isZero();
        assertThat(held.path("revision").asLong()).isEqualTo(flows.path("revision").asLong());

        // nine more late hires: ten people have changed in the period's ORG × ALL, which is released
        for (int hire = 2; hire <= 10; hire++) {
            lateHire(ingest, hire);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            synchronized (received) {
                assertThat(received).anyMatch(line -> line.startsWith("event:flow"));
                assertThat(received).anyMatch(line -> line.contains("\"hires\":10"));
                assertThat(received).noneMatch(line -> line.contains("\"hires\":1,"));
            }
            JsonNode released = metrics.get("/v1/flows?period=2024-Q2" + orgTotal, LEADER).json().get(0);
            assertThat(released.path("hires").asLong()).isEqualTo(10);
            assertThat(released.path("releasedOn").stringValue()).isNotBlank();
        });
        stream.cancel(true);

        Http.Response badTier = metrics.get("/v1/flows?tier=BOSS", LEADER);
        assertThat(badTier.status()).isEqualTo(400);
        assertThat(badTier.json().path("errors").get(0).path("field").stringValue()).isEqualTo("tier");
        assertThat(metrics.get("/v1/snapshots?quarter=2024-Q5", LEADER).status()).isEqualTo(400);
        assertThat(metrics.get("/v1/flows", null).status()).isEqualTo(401);
        assertThat(metrics.get("/v1/competitions", Http.PUBLISHER).status()).isEqualTo(403);
        assertThat(metrics.get("/v3/api-docs", LEADER).json().path("paths").propertyNames())
                .contains("/v1/flows", "/v1/flows/stream", "/v1/snapshots", "/v1/competitions/export.csv");
    }

    /** Collects the lines of a server-sent event stream as they arrive. */
    private CompletableFuture<Void> subscribe(String path, List<String> received) {
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(LEADER)).build();
        return HttpClient.newHttpClient().sendAsync(subscribe, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                            StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            synchronized (received) {
                                received.add(line);
                            }
                        }
                    } catch (Exception closed) {
                        // the test is over
                    }
                });
    }

    private static List<String> sorted(JsonNode cells) {
        List<String> rows = new ArrayList<>();
        cells.forEach(cell -> rows.add(cell.toString()));
        rows.sort(String::compareTo);
        return rows;
    }

    private static List<CellFigures> figures(JsonNode cells) {
        List<CellFigures> figures = new ArrayList<>();
        for (JsonNode c : cells) {
            figures.add(new CellFigures(new Scope(c.path("scope").stringValue()), Tier.valueOf(c.path("tier").stringValue()),
                    Group.valueOf(c.path("group").stringValue()), null, c.path("headcount").asLong(),
                    c.path("count").isNull() ? null : c.path("count").asLong(), c.path("suppressed").asBoolean(),
                    decimal(c.path("representation"), 4), null, null, decimal(c.path("benchmark"), 4), null, null,
                    decimal(c.path("gapPoints"), 2), null, null, null, null, null, null, null));
        }
        return figures;
    }

    private static BigDecimal decimal(JsonNode value, int scale) {
        return value == null || value.isNull() || value.isMissingNode() ? null
                : BigDecimal.valueOf(value.asDouble()).setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }


    /** Goals through the API (SPEC §11): bad ones refused naming the field, a good one published from the cell's. */
    @Test
    @Order(10)
    void aGoalSetThroughTheApiIsPublishedWithItsFiguresAndRemoved() {
        Http metrics = service();
        String goal = """
                {"scope":"ORG","tier":"ALL","group":"RACIALIZED","targetShare":%s,"targetDate":%s,"source":%s}""";

        Http.Response notAnEquityGroup = metrics.put("/v1/goals", """
                {"scope":"ORG","tier":"ALL","group":"TOTAL","source":"x"}""", ADMIN);
        Http.Response share = metrics.put("/v1/goals", goal.formatted("1.5", "null", "\"x\""), ADMIN);
        Http.Response date = metrics.put("/v1/goals", goal.formatted("0.4", "\"2027-13-01\"", "\"x\""), ADMIN);
        Http.Response tier = metrics.put("/v1/goals", """
                {"scope":"ORG","tier":"BOARD","group":"RACIALIZED","source":"x"}""", ADMIN);
        Http.Response source = metrics.put("/v1/goals", goal.formatted("0.4", "null", "\" \""), ADMIN);
        Http.Response byLeader = metrics.put("/v1/goals", goal.formatted("0.4", "null", "\"x\""), LEADER);
        Http.Response good = metrics.put("/v1/goals", goal.formatted("0.5", "null", "\"Council 2024\""), ADMIN);

        assertThat(notAnEquityGroup.status()).isEqualTo(422);
        assertThat(notAnEquityGroup.json().path("errors").get(0).path("field").stringValue()).isEqualTo("group");
        assertThat(notAnEquityGroup.json().path("type").stringValue()).endsWith("invalid-goal");
        assertThat(share.json().path("errors").get(0).path("field").stringValue()).isEqualTo("targetShare");
        assertThat(date.json().path("errors").get(0).path("field").stringValue()).isEqualTo("targetDate");
        assertThat(tier.json().path("errors").get(0).path("field").stringValue()).isEqualTo("tier");
        assertThat(source.json().path("errors").get(0).path("field").stringValue()).isEqualTo("source");
        assertThat(byLeader.status()).isEqualTo(403);
        assertThat(good.status()).as(good.body()).isEqualTo(200);
        assertThat(good.json().path("targetDate").stringValue()).isEqualTo("2027-12-31");
        assertThat(metrics.get("/v1/goals", ADMIN).body()).contains("RACIALIZED", "Council 2024");

        String figures = "/v1/goal-figures?scope=ORG&tier=ALL&group=RACIALIZED";
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            // a group's row keeps its last release (SPEC §9), TOTAL's row today's headcount
            JsonNode cell = metrics.get("/v1/representation?scope=ORG&tier=ALL&group=RACIALIZED", LEADER).json()
                    .path(0);
            JsonNode total = metrics.get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL", LEADER).json()
                    .path(0);
            JsonNode published = metrics.get(figures, LEADER).json().path(0);
            assertThat(published.path("targetShare").asDouble()).isEqualTo(0.5);
            assertThat(published.path("targetShareFrom").stringValue()).isEqualTo("GOAL");
            assertThat(published.path("headcount").asLong()).isEqualTo(total.path("headcount").asLong());
            assertThat(published.path("count")).as("the goal's count is the published one, suppressed or not")
                    .isEqualTo(cell.path("count"));
            assertThat(published.path("representation")).isEqualTo(cell.path("representation"));
        });
        assertThat(metrics.get("/v1/goal-figures/export.csv", LEADER).body())
                .startsWith("scope,tier,group,asOf,revision,targetShare").contains("ORG,ALL,RACIALIZED");

        Http.Response removed = metrics.delete("/v1/goals?scope=ORG&tier=ALL&group=RACIALIZED", ADMIN);
        assertThat(removed.status()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> metrics.get(figures, LEADER).json().isEmpty());
    }

    @Test
    @Order(11)
    void workingGroupAppointmentsThroughTheIngestApiArePublishedAsCellsWithTheGroupsName() {
        Http metrics = service();
        Http ingest = new Http(((WebServerApplicationContext) mentorship).getWebServer().getPort());
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> ingest.get("/actuator/health/readiness", null).status() == 200);
        StringBuilder csv = new StringBuilder(
                "eventId,employeeId,effectiveDate,workingGroupId,workingGroupName,role\n");
        for (int i = 0; i < 14; i++) {
            csv.append("wg-").append(i).append(",E30").append(String.format("%02d", i)).append(",2024-03-01,AH,")
                    .append("Anti-Hate Working Group,").append(i < 3 ? "CO_CHAIR" : "MEMBER").append('\n');
        }

        Http.Response accepted = ingest.post("/v1/events/WorkingGroupAppointed/csv", "text/csv", csv.toString(),
                Http.PUBLISHER);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode groups = metrics.get("/v1/working-groups", LEADER).json();
            assertThat(groups).hasSize(1);
            JsonNode group = groups.get(0);
            assertThat(group.path("workingGroupName").stringValue()).isEqualTo("Anti-Hate Working Group");
            assertThat(group.path("scope").stringValue()).isEqualTo("WORKING_GROUP:AH");
            assertThat(group.path("members").findValuesAsString("group")).contains("TOTAL", "INDIGENOUS");
            assertThat(group.path("members").get(0).path("group").stringValue()).as("TOTAL first").isEqualTo("TOTAL");
            assertThat(group.path("members").get(0).path("headcount").asLong()).isEqualTo(14);
            assertThat(group.path("leadership").get(0).path("headcount").asLong()).isEqualTo(3);
            for (JsonNode cell : group.path("leadership")) {
                if (!cell.path("group").stringValue().equals("TOTAL")) {
                    assertThat(cell.path("suppressed").asBoolean()).as("a leadership of 3: " + cell).isTrue();
                }
            }
        });
        assertThat(metrics.get("/v1/representation/export.csv?scopePrefix=WORKING_GROUP:", LEADER).body())
                .contains("WORKING_GROUP:AH,ALL,TOTAL,").contains("WORKING_GROUP:AH,LEADERSHIP,TOTAL,");
        assertThat(metrics.get("/v1/working-groups", null).status()).isEqualTo(401);

        // a working group may have a benchmark of its own; not a goal (a projection needs flows over levels)
        Http.Response benchmark = metrics.put("/v1/benchmarks", """
                {"scope":"WORKING_GROUP:AH","group":"RACIALIZED","share":0.45,"source":"Council","year":2024}""",
                ADMIN);
        Http.Response goal = metrics.put("/v1/goals", """
                {"scope":"WORKING_GROUP:AH","tier":"LEADERSHIP","group":"RACIALIZED","source":"x"}""", ADMIN);
        assertThat(benchmark.status()).as(benchmark.body()).isEqualTo(200);
        assertThat(goal.status()).isEqualTo(422);
        assertThat(goal.json().path("errors").get(0).path("field").stringValue()).isEqualTo("scope");
        assertThat(goal.json().path("errors").get(0).path("reason").stringValue())
                .contains("a working group has no goals");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metrics.get(
                "/v1/representation?scope=WORKING_GROUP:AH&tier=ALL&group=RACIALIZED", LEADER).json().path(0)
                .path("benchmark").asDouble()).isEqualTo(0.45));
    }

    /**
     * The golden case's eventIds and the late hire's went in through the ingest API; none may be in any topic in clear:
     * not the input topics, not the ledger, not a changelog or repartition topic of the three Kafka Streams
     * applications (the employee histories hold every event's eventId). Employee ids are searched for by
     * {@code IngestApiIT} (with a marker long enough never to occur by chance in pseudonyms).
     */
    @Test
    @Order(12)
    void noTopicOrChangelogHoldsAnEventIdInTheClear() throws Exception {
        TopicReader.Scan scan = TopicReader.scan(LocalPlatformExtension.platform(),
                List.of("06-small-cells-0", "late-hire-1"));
        assertThat(scan.topics()).anyMatch(topic -> topic.endsWith("-changelog"));
        assertThat(scan.found()).isEmpty();
        assertThat(scan.records()).isPositive();
    }
}
