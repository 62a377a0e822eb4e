package ca.calgary.representation.alerts.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ca.calgary.representation.alerts.AlertServiceApplication;
import ca.calgary.representation.alerts.delivery.WebhookChannel;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TestIngestApplication;
import ca.calgary.representation.metrics.RepresentationServiceApplication;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * End to end: HR events through the hiring service's HTTP API, figures from the representation service, and a
 * REPRESENTATION_GAP alert from the alert service reaching a webhook receiver (signed, after a failed first try) and
 * an SMTP inbox as a finding; the alert service restarts and re-sends nothing; hires that close the gap resolve it,
 * once. Then a load: nothing is delivered while the pipeline catches up, and each subscription receives one digest
 * after. Then a daily digest at its scheduled time.
 */
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertServiceIT {

    static final String OFFICER = "officer:officer-secret";
    static final String ADMIN = "admin:admin-secret";
    static final String LEADER = "leader:leader-secret";
    static final String ALERT_ID = "REPRESENTATION_GAP|ORG|ALL|BLACK";

    private static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    private static ConfigurableApplicationContext hiring;
    private static ConfigurableApplicationContext representation;
    private static ConfigurableApplicationContext alerts;
    private static String alertsStateDir;
    private static HttpServer receiver;
    private static final List<Received> webhook = new ArrayList<>();
    private static final AtomicInteger webhookCalls = new AtomicInteger();
    private static final List<Received> loadWebhook = new ArrayList<>();
    private static final List<Received> dailyWebhook = new ArrayList<>();

    record Received(String deliveryId, String signature, String body, String kind) {
    }

    @BeforeAll
    static void start() throws Exception {
        LocalPlatform platform = LocalPlatformExtension.platform();
        String kafka = "--spring.kafka.bootstrap-servers=" + platform.bootstrapServers();
        String registry = "--spring.kafka.properties.schema.registry.url=" + platform.registryUrl();
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/equity", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the first call fails, so delivery has to retry
            int status = webhookCalls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                synchronized (webhook) {
                    webhook.add(received(exchange, body));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.createContext("/hooks/load", recording(loadWebhook));
        receiver.createContext("/hooks/daily", recording(dailyWebhook));
        receiver.start();

        hiring = TestIngestApplication.start("HIRING", "hiring-alerts-e2e", platform.bootstrapServers(),
                platform.registryUrl());
        representation = new SpringApplicationBuilder(RepresentationServiceApplication.class).run(
                "--spring.config.name=representation-alerts-e2e", "--server.port=0",
                "--representation.metrics.application-id=representation-alerts-e2e",
                "--representation.metrics.publish-interval=500ms",
                "--representation.metrics.topic-partitions=3",
                "--management.endpoint.health.probes.enabled=true",
                "--management.endpoint.health.group.readiness.include=readinessState,representation,dependencies",
                "--representation.metrics.state-dir=" + Files.createTempDirectory("representation-alerts-e2e-"),
                "--representation.security.users[0].name=admin",
                "--representation.security.users[0].password={noop}admin-secret",
                "--representation.security.users[0].roles[0]=ADMINISTRATOR", kafka, registry);
        alertsStateDir = Files.createTempDirectory("alerts-e2e-").toString();
        alerts = startAlertService();
    }

    /** A receiver that keeps every call and answers 204. */
    private static com.sun.net.httpserver.HttpHandler recording(List<Received> calls) {
        return exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (calls) {
                calls.add(received(exchange, body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        };
    }

    private static Received received(HttpExchange exchange, byte[] body) {
        return new Received(exchange.getRequestHeaders().getFirst(WebhookChannel.DELIVERY_HEADER),
                exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE_HEADER),
                new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst(WebhookChannel.KIND_HEADER));
    }

    static ConfigurableApplicationContext startAlertService(String... settings) {
        LocalPlatform platform = LocalPlatformExtension.platform();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--representation.alerts.application-id=alerts-e2e",
                "--representation.alerts.state-dir=" + alertsStateDir,
                "--representation.alerts.topic-partitions=3",
                "--representation.alerts.delivery-attempts=3",
                "--representation.alerts.delivery-backoff=200ms",
                "--representation.security.users[0].name=officer",
                "--representation.security.users[0].password={noop}officer-secret",
                "--representation.security.users[0].roles[0]=EQUITY_OFFICER",
                "--representation.security.users[1].name=leader",
                "--representation.security.users[1].password={noop}leader-secret",
                "--representation.security.users[1].roles[0]=LEADERSHIP",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--spring.kafka.bootstrap-servers=" + platform.bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + platform.registryUrl()));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(AlertServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {alerts, representation,
                hiring}) {
            if (context != null) {
                context.close();
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        smtp.stop();
    }

    private static Http http(ConfigurableApplicationContext context) {
        Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
        Awaitility.await().atMost(Duration.ofSeconds(120))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        return http;
    }

    /** Hires with self-identification, through the hiring service's batch API. */
    private static void hire(Http ingest, String prefix, int count, String race) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String employee = prefix + i;
            events.append("{\"type\":\"EmployeeHired\",\"eventId\":\"hire-").append(employee)
                    .append("\",\"employeeId\":\"").append(employee).append("\",\"effectiveDate\":\"2024-01-08\","
                            + "\"position\":{\"jobCode\":\"CLK\",\"jobTitle\":\"Clerk\",\"level\":\"FRONTLINE\","
                            + "\"orgUnitPath\":\"City/Corporate/Finance\",\"serviceLine\":\"CORPORATE\"}}\n");
            events.append("{\"type\":\"SelfIdentificationSubmitted\",\"eventId\":\"self-id-").append(employee)
                    .append("\",\"employeeId\":\"").append(employee).append("\",\"effectiveDate\":\"2024-01-08\","
                            + "\"status\":\"RESPONDED\",\"indigenousIdentities\":[],\"raceCategories\":[\"")
                    .append(race).append("\"]}\n");
        }
        Http.Response accepted = ingest.post("/v1/events/batch", "application/x-ndjson", events.toString(),
                Http.PUBLISHER);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    private static List<Received> webhookDeliveries() {
        return copy(webhook);
    }

    /** The changes of findings the webhook receiver was told of, in order. */
    private static List<String> statuses() {
        return webhookDeliveries().stream()
                .map(received -> Http.JSON.readTree(received.body()).path("change").stringValue()).toList();
    }

    /** The figures and the alert behind ALERT_ID as the services show them now, for a failure's message. */
    private static String state(Http metrics, Http alerts) {
        return "figures " + metrics.get("/v1/representation?scope=ORG&tier=ALL", ADMIN).body() + "; status "
                + metrics.get("/v1/status", ADMIN).body() + "; alert " + alerts.get("/v1/alerts?view=cells&alertId="
                + java.net.URLEncoder.encode(ALERT_ID, StandardCharsets.UTF_8), OFFICER).body();
    }

    private static int mails() {
        return smtp.getReceivedMessages().length;
    }

    /** What the inbox received, for a failure's message. */
    private static List<String> mailSubjects() {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                subjects.add(message.getSubject() + " (" + message.getHeader("Message-ID", ",") + ")");
            } catch (jakarta.mail.MessagingException e) {
                subjects.add("unreadable: " + e.getMessage());
            }
        }
        return subjects;
    }

    @Test
    @Order(1)
    void aGapReachesTheWebhookAndTheInboxSurvivesARestartAndResolvesOnce() throws Exception {
        Http ingest = http(hiring);
        Http metrics = http(representation);
        Http officer = http(alerts);

        assertThat(metrics.put("/v1/benchmarks",
                "{\"scope\":\"ORG\",\"group\":\"BLACK\",\"share\":0.30,\"source\":\"test\",\"year\":2021}", ADMIN).status()).isEqualTo(200);
        String subscription = """
                {"name":"Black representation, whole organisation","scopePrefix":"ORG","tiers":["ALL"],
                 "groups":["BLACK"],"rules":["REPRESENTATION_GAP"],"minimumSeverity":"LOW",
                 "webhookUrl":"http://127.0.0.1:%d/hooks/equity","email":"equity@calgary.example"}"""
                .formatted(receiver.getAddress().getPort());
        Http.Response badEmail = officer.post("/v1/subscriptions", "application/json",
                subscription.replace("equity@calgary.example", "not-an-address"), OFFICER);
        assertThat(badEmail.status()).isEqualTo(422);
        assertThat(badEmail.json().path("errors").get(0).path("field").stringValue()).isEqualTo("email");
        Http.Response created = officer.post("/v1/subscriptions", "application/json", subscription, OFFICER);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().path("webhookSecret").stringValue();
        // a receiver that is not there: its deliveries are dead-lettered after the last try
        Http.Response unreachable = officer.post("/v1/subscriptions", "application/json", """
                {"name":"gone","scopePrefix":"ORG","tiers":["ALL"],"groups":["BLACK"],"rules":["REPRESENTATION_GAP"],
                 "webhookUrl":"http://127.0.0.1:9/nobody"}""", OFFICER);
        assertThat(unreachable.status()).isEqualTo(201);
        assertThat(officer.get("/v1/subscriptions", OFFICER).body()).doesNotContain(secret);

        hire(ingest, "W", 90, "WHITE");
        hire(ingest, "B", 10, "BLACK");

        // The alert opens once and may be UPDATED as its severity grows on the way to index 0.33: once the figures
        // and then the alerts say they are caught up, it stands at its final state.
        metrics.awaitCaughtUp(ADMIN, Instant.now(), Duration.ofSeconds(120));
        officer.awaitCaughtUp(OFFICER, Instant.now(), Duration.ofSeconds(60));
        Http.Response answer = officer.get("/v1/alerts?view=cells&alertId=" + java.net.URLEncoder.encode(ALERT_ID,
                StandardCharsets.UTF_8), OFFICER);
        assertThat(answer.headers().firstValue("Pipeline-Caught-Up")).hasValue("true");
        assertThat(answer.headers().firstValue("Figures-Computed-At")).isPresent();
        JsonNode alert = answer.json().path(0);
        assertThat(alert.path("severity").asString("")).isEqualTo("HIGH");
        assertThat(alert.path("explanation").asString("")).isEqualTo("Black representation in ORG × ALL is 10.0% "
                + "against a benchmark of 30.0% (index 0.33, p = 0.0000, headcount 100).");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(statuses()).as(() -> "e-mails: " + mailSubjects()).startsWith("OPENED").hasSize(mails()));
        // Every change made so far is delivered when the receiver, the inbox and the dead letters (the gone
        // receiver is tried after the live one) agree, and nothing more arrives for a few seconds.
        int[] seen = {-1};
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            int delivered = statuses().size();
            int deadLettered = officer.get("/v1/deliveries?outcome=DEAD_LETTERED", OFFICER).json().size();
            boolean settled = delivered == seen[0] && delivered == deadLettered && delivered == mails();
            seen[0] = delivered;
            return settled;
        });
        Received opened = webhookDeliveries().get(0);
        assertThat(opened.signature()).isEqualTo("sha256=" + WebhookChannel.signature(secret,
                opened.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(opened.kind()).isEqualTo("FINDING");
        JsonNode finding = Http.JSON.readTree(opened.body());
        assertThat(finding.path("findingId").stringValue()).isEqualTo(ALERT_ID);
        assertThat(finding.path("head").path("alertId").stringValue()).isEqualTo(ALERT_ID);
        assertThat(finding.path("openedAt").stringValue()).isEqualTo(finding.path("changedAt").stringValue());
        assertThat(opened.body()).doesNotContain("\"count\"");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("[Representation Monitor] OPENED REPRESENTATION_GAP: BLACK in ORG × ALL");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("equity@calgary.example");
        assertThat(webhookCalls.get()).as("the first try failed and was retried").isGreaterThan(statuses().size());
        int deliveredBeforeRestart = statuses().size();
        // While the first hires arrive the gap may open at 0 of 90, close as UNMEASURABLE while the Black count is
        // suppressed (1 to 9) and open again at 10: each is told. It stands open now.
        assertThat(statuses().get(deliveredBeforeRestart - 1)).isNotEqualTo("RESOLVED");
        JsonNode lastOpened = Http.JSON.readTree(webhookDeliveries().stream()
                .filter(received -> received.body().contains("\"change\":\"OPENED\""))
                .reduce((first, second) -> second).orElseThrow().body());

        JsonNode open = officer.get("/v1/alerts?rule=REPRESENTATION_GAP&scopePrefix=ORG&tier=ALL&group=BLACK",
                OFFICER).json();
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).path("findingId").stringValue()).isEqualTo(ALERT_ID);
        assertThat(open.get(0).path("status").stringValue()).isIn("OPEN", "UPDATED");
        assertThat(officer.post("/v1/alerts/acknowledgements", "application/json",
                "{\"alertId\":\"" + ALERT_ID + "\"}", OFFICER).status()).isEqualTo(201);
        assertThat(officer.post("/v1/alerts/comments", "application/json",
                "{\"alertId\":\"" + ALERT_ID + "\",\"comment\":\"Raised with the hiring panel.\"}", OFFICER).status())
                .isEqualTo(201);
        assertThat(officer.post("/v1/alerts/comments", "application/json",
                "{\"alertId\":\"" + ALERT_ID + "\"}", OFFICER).status()).isEqualTo(422);
        assertThat(officer.post("/v1/alerts/comments", "application/json",
                "{\"alertId\":\"NO|SUCH|ALERT|X\",\"comment\":\"x\"}", OFFICER).status()).isEqualTo(404);
        String gone = unreachable.json().path("subscriptionId").stringValue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deadLetters = officer.get("/v1/deliveries?outcome=DEAD_LETTERED", OFFICER).json();
            // one per change told so far (OPENED, and WORSENED while the severity grew), all to the gone receiver
            assertThat(deadLetters.size()).isEqualTo(statuses().size());
            deadLetters.forEach(deadLetter -> {
                assertThat(deadLetter.path("subscriptionId").stringValue()).isEqualTo(gone);
                assertThat(deadLetter.path("reason").stringValue()).startsWith("gave up after 3 tries");
            });
        });

        // A restart re-sends nothing already delivered.
        alerts.close();
        alerts = startAlertService();
        Http restarted = http(alerts);
        JsonNode actions = restarted.get("/v1/alerts/actions?alertId=" + java.net.URLEncoder.encode(ALERT_ID,
                StandardCharsets.UTF_8), OFFICER).json();
        assertThat(actions.size()).isEqualTo(2);
        assertThat(actions.get(0).path("kind").stringValue()).isEqualTo("ACKNOWLEDGED");
        assertThat(actions.get(0).path("actor").stringValue()).isEqualTo("officer");
        assertThat(actions.get(1).path("comment").stringValue()).isEqualTo("Raised with the hiring panel.");
        Thread.sleep(5000);
        assertThat(statuses()).hasSize(deliveredBeforeRestart);
        assertThat(mails()).isEqualTo(deliveredBeforeRestart);

        // Hires that close the gap resolve it, once: 35 of 125 is 28% against 30%, index 0.93.
        hire(ingest, "C", 25, "BLACK");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(statuses()).as(() -> "what the services show: " + state(metrics, restarted))
                    .endsWith("RESOLVED");
            assertThat(mails()).isEqualTo(statuses().size());
        });
        List<Received> all = webhookDeliveries();
        JsonNode resolved = Http.JSON.readTree(all.get(all.size() - 1).body());
        assertThat(resolved.path("status").stringValue()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolvedAt").stringValue()).isNotNull();
        assertThat(resolved.path("openedAt").stringValue()).as("the finding that opened last is the one resolved")
                .isEqualTo(lastOpened.path("openedAt").stringValue());
        Thread.sleep(3000);
        assertThat(statuses().subList(deliveredBeforeRestart, statuses().size())).as("resolved once, not reopened")
                .containsOnlyOnce("RESOLVED").doesNotContain("OPENED");
        assertThat(statuses().get(statuses().size() - 1)).isEqualTo("RESOLVED");
        assertThat(webhookDeliveries()).extracting(Received::deliveryId).doesNotHaveDuplicates();
        assertThat(smtp.getReceivedMessages()[mails() - 1].getSubject())
                .startsWith("[Representation Monitor] RESOLVED");
    }

    /**
     * A load of 6,000 events (the alert service restarted to count 100 events unread or unpublished upstream as
     * catching up, and to end the quiet 15 s after catching up): the gap the first test resolved opens again while
     * the pipeline catches up, and no subscriber hears of it as a transition; each subscription receives one digest
     * of what is open instead.
     */
    @Test
    @Order(2)
    void aLoadIsQuietAndEndsInOneDigestPerSubscription() throws Exception {
        alerts.close();
        alerts = startAlertService("--representation.alerts.quiet-lag-events=100",
                "--representation.alerts.quiet-settle=15s");
        Http officer = http(alerts);
        Http ingest = http(hiring);
        Http metrics = http(representation);
        // the first test's last hires restate its quarter-end snapshots; they are not part of the load
        metrics.awaitCaughtUp(ADMIN, Instant.now(), Duration.ofSeconds(120));
        officer.awaitCaughtUp(OFFICER, Instant.now(), Duration.ofSeconds(60));
        Http.Response created = officer.post("/v1/subscriptions", "application/json", """
                {"name":"Everything, through a load","webhookUrl":"http://127.0.0.1:%d/hooks/load"}"""
                .formatted(receiver.getAddress().getPort()), OFFICER);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String subscriptionId = created.json().path("subscriptionId").stringValue();
        String secret = created.json().path("webhookSecret").stringValue();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                officer.get("/v1/subscriptions/" + subscriptionId, OFFICER).status() == 200);
        int mailsBefore = mails();

        hire(ingest, "L", 3000, "WHITE");
        metrics.awaitCaughtUp(ADMIN, Instant.now(), Duration.ofSeconds(180));
        officer.awaitCaughtUp(OFFICER, Instant.now(), Duration.ofSeconds(60));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> loadDeliveries().size() >= 1);
        Thread.sleep(5000);
        List<Received> received = loadDeliveries();
        assertThat(received).as("one digest, no transition").hasSize(1);
        Received digest = received.get(0);
        assertThat(digest.kind()).as(digest.body()).isEqualTo("DIGEST");
        assertThat(digest.signature()).isEqualTo("sha256=" + WebhookChannel.signature(secret,
                digest.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode body = Http.JSON.readTree(digest.body());
        assertThat(body.path("kind").stringValue()).isEqualTo("DIGEST");
        assertThat(body.path("digestKind").stringValue()).isEqualTo("CAUGHT_UP");
        List<String> open = new ArrayList<>();
        body.path("stillOpen").forEach(finding -> {
            open.add(finding.path("head").path("alertId").stringValue());
            finding.path("cells").forEach(cell -> open.add(cell.path("alertId").stringValue()));
        });
        assertThat(open).as("35 of 3,125 against 30%: the gap is open again").contains(ALERT_ID);
        assertThat(body.path("stillOpen").path(0).path("priority").asDouble()).as("ranked by people short")
                .isGreaterThanOrEqualTo(body.path("stillOpen").path(body.path("stillOpen").size() - 1)
                        .path("priority").asDouble());
        JsonNode gap = officer.get("/v1/alerts?view=cells&alertId=" + java.net.URLEncoder.encode(ALERT_ID,
                StandardCharsets.UTF_8), OFFICER).json().path(0);
        assertThat(gap.path("status").stringValue()).isIn("OPEN", "UPDATED");

        JsonNode deliveries = officer.get("/v1/deliveries?subscriptionId=" + subscriptionId, OFFICER).json();
        assertThat(deliveries.size()).as(deliveries.toString()).isEqualTo(1);
        assertThat(deliveries.get(0).path("transitionId").stringValue()).startsWith("digest@");
        assertThat(deliveries.get(0).path("outcome").stringValue()).isEqualTo("DELIVERED");
        // the first test's subscription (webhook and e-mail) gets its digest too: one e-mail, with the gap in it
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mails() > mailsBefore);
        Thread.sleep(2000);
        assertThat(mails()).isEqualTo(mailsBefore + 1);
        MimeMessage mail = smtp.getReceivedMessages()[mails() - 1];
        assertThat(mail.getSubject()).startsWith("[Representation Monitor] Digest: ").contains("open finding");
        assertThat(String.valueOf(mail.getContent())).contains(ALERT_ID);
    }

    private static List<Received> loadDeliveries() {
        return copy(loadWebhook);
    }

    private static List<Received> copy(List<Received> calls) {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * A DAILY subscription (the alert service restarted to send digests a minute from now, UTC) hears of nothing as
     * it changes and receives one digest when it falls due, with the gap still open; a restart does not send it
     * again.
     */
    @Test
    @Order(3)
    void aDailySubscriptionReceivesOneDigestWhenItFallsDue() throws Exception {
        String due = java.time.LocalTime.now(java.time.ZoneOffset.UTC).plusSeconds(60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String[] daily = {"--representation.alerts.digest-time=" + due, "--representation.alerts.digest-zone=UTC"};
        alerts.close();
        alerts = startAlertService(daily);
        Http officer = http(alerts);
        String request = """
                {"name":"Black representation, daily","groups":["BLACK"],"delivery":"DAILY",
                 "webhookUrl":"http://127.0.0.1:%d/hooks/daily"}""".formatted(receiver.getAddress().getPort());
        Http.Response badDelivery = officer.post("/v1/subscriptions", "application/json",
                request.replace("DAILY", "HOURLY"), OFFICER);
        assertThat(badDelivery.status()).isEqualTo(422);
        assertThat(badDelivery.json().path("errors").get(0).path("field").stringValue()).isEqualTo("delivery");
        assertThat(badDelivery.json().path("detail").stringValue())
                .isEqualTo("delivery must be one of [IMMEDIATE, DAILY, WEEKLY], not 'HOURLY'");
        Http.Response created = officer.post("/v1/subscriptions", "application/json", request, OFFICER);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("delivery").stringValue()).isEqualTo("DAILY");
        String secret = created.json().path("webhookSecret").stringValue();
        String createdAt = created.json().path("createdAt").stringValue();

        Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                .until(() -> dailyDeliveries().size() >= 1);
        Received digest = dailyDeliveries().get(0);
        assertThat(digest.kind()).isEqualTo("DIGEST");
        assertThat(digest.signature()).isEqualTo("sha256=" + WebhookChannel.signature(secret,
                digest.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode body = Http.JSON.readTree(digest.body());
        assertThat(body.path("digestKind").stringValue()).isEqualTo("DAILY");
        assertThat(body.path("since").stringValue()).as("its first period starts when it was made")
                .isEqualTo(createdAt);
        assertThat(Instant.parse(body.path("at").stringValue()).atOffset(java.time.ZoneOffset.UTC).toLocalTime()
                .toString()).isEqualTo(due);
        assertThat(body.path("stillOpen").findValuesAsString("findingId")).as("open before the period began")
                .contains(ALERT_ID);
        assertThat(body.path("opened").size() + body.path("worsened").size() + body.path("resolved").size())
                .as("nothing about Black representation changed in the minute").isZero();

        alerts.close();
        alerts = startAlertService(daily);
        http(alerts);
        Thread.sleep(8000);
        assertThat(dailyDeliveries()).as("one digest, not re-sent after a restart, and no finding as it changed")
                .hasSize(1);
    }

    private static List<Received> dailyDeliveries() {
        return copy(dailyWebhook);
    }

    @Test
    @Order(4)
    void accessIsForEquityOfficers() throws IOException {
        Http officer = http(alerts);
        assertThat(officer.get("/v1/alerts", null).status()).isEqualTo(401);
        assertThat(officer.get("/v1/alerts", LEADER).status()).isEqualTo(403);
        assertThat(officer.get("/v1/subscriptions", LEADER).status()).isEqualTo(403);
        assertThat(officer.get("/v1/alerts?rule=NOPE", OFFICER).status()).isEqualTo(400);
        Http.Response badView = officer.get("/v1/alerts?view=everything", OFFICER);
        assertThat(badView.status()).isEqualTo(400);
        assertThat(badView.body()).contains("view must be one of [findings, cells], not 'everything'");
        assertThat(officer.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(officer.get("/v1/status", null).status()).isEqualTo(401);
        assertThat(officer.get("/v1/status", LEADER).status()).isEqualTo(403);
        assertThat(officer.get("/v1/status", OFFICER).json().has("caughtUp")).isTrue();
        assertThat(officer.get("/v3/api-docs", OFFICER).json().path("paths").propertyNames())
                .contains("/v1/status", "/v1/alerts", "/v1/alerts/stream", "/v1/alerts/acknowledgements", "/v1/subscriptions",
                        "/v1/deliveries");
    }
}
