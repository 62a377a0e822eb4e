package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TopicReader;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * HR systems' own Kafka producers, for real: Confluent's Python client (Debian's {@code python3-confluent-kafka}
 * with {@code python3-avro}) runs the worked examples of {@code docs/publishing-events.md}
 * ({@code docs/examples/python}) against the test broker and registry, publishing every SPEC §3 event type straight
 * to Kafka; the metrics count each as its type, nothing is dead-lettered, and Confluent's deserializer reads
 * {@code metrics.representation} and {@code alerts.state} back. The legacy API ({@code confluent_kafka.avro},
 * python-avro) and the current one ({@code confluent_kafka.schema_registry}, fastavro) each publish one unit's events.
 * It runs on a broker and registry of its own: its events must not reach other tests' pipelines, which read the same
 * input topics from the beginning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectPythonPublisherIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path EXAMPLES = ProjectFiles.root().resolve("docs/examples/python");
    /** Where {@code .ci/run} puts fastavro for the current API (Debian has no python3-fastavro). */
    static final Path FASTAVRO = ProjectFiles.root().resolve("target/python-fastavro");
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    static LocalPlatform platform;
    static Pipeline pipeline;
    static Http metrics;
    static LocalDate day;
    static String quarter;

    @BeforeAll
    static void start() throws Exception {
        boolean client = python(Map.of(), "-c", "import confluent_kafka.avro, avro").exitCode() == 0;
        if (!client && "true".equals(System.getenv("CI"))) {
            fail("CI must have Debian's python3-confluent-kafka and python3-avro (.ci/run installs them)");
        }
        assumeTrue(client, "no Debian python3-confluent-kafka with python3-avro (apt-get install python3-confluent-kafka"
                + " python3-avro python3-requests)");
        platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(
                Files.createTempDirectory("python-publisher-platform-")));
        pipeline = Pipeline.start(platform.bootstrapServers(), platform.registryUrl(), "python-publisher",
                "--representation.metrics.min-cell-size=1");
        metrics = Pipeline.http(pipeline.representation);
        // The middle of the last quarter that has ended, so every event is in one complete period.
        LocalDate quarterStart = LocalDate.now(ZoneId.of("America/Edmonton")).withDayOfMonth(1)
                .minusMonths((LocalDate.now(ZoneId.of("America/Edmonton")).getMonthValue() - 1) % 3);
        day = quarterStart.minusMonths(3).plusDays(14);
        quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theLegacyApiPublishesEveryEventTypeAsItsType() throws Exception {
        // Without fastavro on the path, so confluent_kafka.avro writes with python-avro (it prefers fastavro).
        publishAndCheck("publish_legacy.py", "Legacy", Map.of());
    }

    @Test
    @Order(2)
    void theCurrentApiPublishesEveryEventTypeAsItsType() throws Exception {
        Map<String, String> environment = Map.of("PYTHONPATH", FASTAVRO.toString());
        boolean fastavro = python(environment, "-c", "import fastavro, confluent_kafka.schema_registry.avro")
                .exitCode() == 0;
        if (!fastavro && "true".equals(System.getenv("CI"))) {
            fail("CI must have fastavro in " + FASTAVRO + " (.ci/run installs it)");
        }
        assumeTrue(fastavro, "no fastavro in " + FASTAVRO + " for confluent_kafka.schema_registry.avro");
        publishAndCheck("publish_current.py", "Current", environment);
    }

    @Test
    @Order(3)
    void confluentsDeserializerReadsTheMetricsAndTheAlertsBack() throws Exception {
        Map<String, JsonNode> figures = read("metrics.representation");
        JsonNode total = figures.get("ORG|ALL|TOTAL");
        assertThat(total).as("metrics.representation read with Confluent's deserializer").isNotNull();
        assertThat(total.path("headcount").asLong())
                .isEqualTo(representation("ORG", "ALL", "TOTAL").path("headcount").asLong());
        assertThat(figures.get("UNIT:City/Corporate/Legacy|ALL|BLACK").path("count").asLong()).isEqualTo(2);

        // 10 of 22 employees responded: LOW_RESPONSE (response rate below 0.6 with N at least 10) opens on ORG.
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() ->
                read("alerts.state").keySet().stream().anyMatch(key -> key.startsWith("LOW_RESPONSE|ORG|ALL|TOTAL")));
        JsonNode alert = read("alerts.state").entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("LOW_RESPONSE|ORG|ALL|TOTAL")).findFirst().orElseThrow()
                .getValue();
        assertThat(alert.path("status").asString()).isIn("OPEN", "UPDATED");
    }

    /**
     * One unit's workforce, one event of every type and more: 12 hires, 12 self-identifications (6 responded, 6
     * preferred not to answer), a withdrawal, a transfer out, a separation, a competition with 3 applications, 2
     * shortlistings and a promotion, mentorship with 2 enrolments, a completion and a withdrawal, and a working group
     * with a chair and three members, one of whose appointments ends.
     */
    private void publishAndCheck(String script, String unit, Map<String, String> environment) throws Exception {
        String path = "City/Corporate/" + unit;
        String competition = "COMP-" + unit.toUpperCase();
        String program = "MENTOR-" + unit.toUpperCase();
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String employee = unit + "-E" + i;
            events.add(event("EmployeeHired", employee + "-hire", employee, 0, "\"position\":" + position(path,
                    "FRONTLINE")));
            events.add(event("SelfIdentificationSubmitted", employee + "-self-id", employee, 0, i <= 3
                    ? "\"status\":\"RESPONDED\",\"raceCategories\":[\"BLACK\"]" : i <= 6
                    ? "\"status\":\"RESPONDED\",\"indigenousIdentities\":[\"METIS\"]"
                    : "\"status\":\"PREFER_NOT_TO_ANSWER\""));
        }
        events.add(event("SelfIdentificationWithdrawn", unit + "-E1-withdrawn", unit + "-E1", 2, null));
        events.add(event("EmployeeTransferred", unit + "-E11-transfer", unit + "-E11", 1,
                "\"position\":" + position(path + "/Transferred", "FRONTLINE")));
        events.add(event("EmployeeSeparated", unit + "-E12-separated", unit + "-E12", 3,
                "\"reason\":\"RESIGNATION\""));
        events.add("{\"type\":\"PromotionCompetitionOpened\",\"eventId\":\"" + competition + "-opened\","
                + "\"competitionId\":\"" + competition + "\",\"effectiveDate\":\"" + day.plusDays(1) + "\","
                + "\"position\":" + position(path, "SUPERVISOR") + "}");
        for (int i = 2; i <= 4; i++) {
            events.add(event("PromotionApplicationSubmitted", unit + "-E" + i + "-applied", unit + "-E" + i, 2,
                    "\"competitionId\":\"" + competition + "\""));
        }
        for (int i = 2; i <= 3; i++) {
            events.add(event("PromotionCandidateShortlisted", unit + "-E" + i + "-shortlisted", unit + "-E" + i, 3,
                    "\"competitionId\":\"" + competition + "\""));
        }
        events.add(event("EmployeePromoted", unit + "-E2-promoted", unit + "-E2", 4, "\"position\":"
                + position(path, "SUPERVISOR") + ",\"competitionId\":\"" + competition + "\""));
        events.add(event("MentorshipEnrolled", unit + "-E5-enrolled", unit + "-E5", 1,
                "\"programId\":\"" + program + "\",\"role\":\"MENTEE\""));
        events.add(event("MentorshipEnrolled", unit + "-E6-enrolled", unit + "-E6", 1,
                "\"programId\":\"" + program + "\",\"role\":\"MENTEE\""));
        events.add(event("MentorshipCompleted", unit + "-E5-completed", unit + "-E5", 5,
                "\"programId\":\"" + program + "\""));
        events.add(event("MentorshipWithdrawn", unit + "-E6-withdrawn", unit + "-E6", 5,
                "\"programId\":\"" + program + "\""));
        String workingGroup = "WG-" + unit.toUpperCase();
        for (int i = 3; i <= 6; i++) {
            events.add(event("WorkingGroupAppointed", unit + "-E" + i + "-appointed", unit + "-E" + i, 1,
                    "\"workingGroupId\":\"" + workingGroup + "\",\"workingGroupName\":\"Anti-Hate Working Group "
                            + unit + "\",\"role\":\"" + (i == 3 ? "CHAIR" : "MEMBER") + "\""));
        }
        events.add(event("WorkingGroupAppointmentEnded", unit + "-E6-appointment-ended", unit + "-E6", 4,
                "\"workingGroupId\":\"" + workingGroup + "\""));
        Path file = Files.createTempFile("canonical-events-", ".jsonl");
        Files.write(file, events);

        Map<String, String> publisher = new HashMap<>(environment);
        publisher.put("REPRESENTATION_PSEUDONYMIZATION_KEY", KEY);
        Result published = python(publisher, EXAMPLES.resolve(script).toString(),
                "--bootstrap-servers", platform.bootstrapServers(),
                "--registry-url", platform.registryUrl(), "--events", file.toString());
        assertThat(published.exitCode()).as(script + " said: " + published.output()).isZero();
        // Every eventId above embeds its employee's id, as HR systems' often do: neither may reach Kafka in clear.
        for (String topic : List.of("hr.employment-events", "hr.self-identification-events", "hr.promotion-events",
                "hr.mentorship-events")) {
            assertThat(TopicReader.rawRecords(platform, topic)).as(topic).isNotEmpty()
                    .noneMatch(record -> TopicReader.holds(record.value(), unit + "-E"));
        }

        String scope = "UNIT:" + path;
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            // hires, the separation and the transfer: 12 hired, one left, one moved to a child unit (still inside)
            assertThat(representation(scope, "ALL", "TOTAL").path("headcount").asLong()).isEqualTo(11);
            assertThat(representation("UNIT:" + path + "/Transferred", "ALL", "TOTAL").path("headcount").asLong())
                    .isEqualTo(1);
            // submissions and the withdrawal: E1's BLACK erased, E1 back to NOT_DISCLOSED
            assertThat(representation(scope, "ALL", "BLACK").path("count").asLong()).isEqualTo(2);
            assertThat(representation(scope, "ALL", "METIS").path("count").asLong()).isEqualTo(3);
            assertThat(representation(scope, "ALL", "RESPONDED").path("count").asLong()).isEqualTo(5);
            assertThat(representation(scope, "ALL", "NOT_DISCLOSED").path("count").asLong()).isEqualTo(6);
            // the promotion
            assertThat(representation(scope, "LEADERSHIP", "TOTAL").path("headcount").asLong()).isEqualTo(1);
            JsonNode all = flow(scope, "ALL");
            assertThat(all.path("hires").asLong()).isEqualTo(12);
            assertThat(all.path("separations").asLong()).isEqualTo(1);
            assertThat(flow(scope, "LEADERSHIP").path("promotionsInto").asLong()).isEqualTo(1);
            // mentorship: two enrolments, one completion; the withdrawal is not a completion
            assertThat(all.path("menteeEnrolments").asLong()).isEqualTo(2);
            assertThat(all.path("menteeCompletions").asLong()).isEqualTo(1);
            // the competition's funnel: an opening, three applications, two shortlistings, one promotion
            JsonNode funnel = metrics.get("/v1/competitions?competitionId=" + competition + "&group=TOTAL",
                    Pipeline.LEADER).json().path(0);
            assertThat(funnel.path("applicants").asLong()).isEqualTo(3);
            assertThat(funnel.path("shortlisted").asLong()).isEqualTo(2);
            assertThat(funnel.path("promoted").asLong()).isEqualTo(1);
            // the working group: a chair and three members, one of whom left it
            assertThat(representation("WORKING_GROUP:" + workingGroup, "ALL", "TOTAL").path("headcount").asLong())
                    .isEqualTo(3);
            assertThat(representation("WORKING_GROUP:" + workingGroup, "LEADERSHIP", "TOTAL").path("headcount")
                    .asLong()).isEqualTo(1);
            JsonNode quality = metrics.get("/v1/representation/data-quality", Pipeline.LEADER).json();
            assertThat(quality.path("deadLetters").path("TYPE_MISMATCH").asLong()).isZero();
            assertThat(quality.path("deadLetters").path("KEY_MISMATCH").asLong()).isZero();
            assertThat(quality.path("deadLetters").path("UNDECODABLE").asLong()).isZero();
            assertThat(quality.path("unexplainedEvents").asLong()).isZero();
        });
        System.out.printf("%s (%d events): %s headcount %d, BLACK %d, METIS %d, NOT_DISCLOSED %d, leadership %d, "
                        + "hires %d, separations %d, promotions %d, enrolments %d, completions %d, transferred %d%n",
                script, events.size(), scope, representation(scope, "ALL", "TOTAL").path("headcount").asLong(),
                representation(scope, "ALL", "BLACK").path("count").asLong(),
                representation(scope, "ALL", "METIS").path("count").asLong(),
                representation(scope, "ALL", "NOT_DISCLOSED").path("count").asLong(),
                representation(scope, "LEADERSHIP", "TOTAL").path("headcount").asLong(),
                flow(scope, "ALL").path("hires").asLong(), flow(scope, "ALL").path("separations").asLong(),
                flow(scope, "LEADERSHIP").path("promotionsInto").asLong(),
                flow(scope, "ALL").path("menteeEnrolments").asLong(),
                flow(scope, "ALL").path("menteeCompletions").asLong(),
                representation("UNIT:" + path + "/Transferred", "ALL", "TOTAL").path("headcount").asLong());
    }

    private String event(String type, String eventId, String employeeId, int daysAfter, String fields) {
        return "{\"type\":\"" + type + "\",\"eventId\":\"" + eventId + "\",\"employeeId\":\"" + employeeId
                + "\",\"effectiveDate\":\"" + day.plusDays(daysAfter) + "\",\"source\":\"python-hr\""
                + (fields == null ? "" : "," + fields) + "}";
    }

    private static String position(String path, String level) {
        return "{\"jobCode\":\"J-" + level + "\",\"jobTitle\":\"" + level + "\",\"level\":\"" + level
                + "\",\"orgUnitPath\":\"" + path + "\",\"serviceLine\":\"CORPORATE\"}";
    }

    private static JsonNode representation(String scope, String tier, String group) {
        return metrics.get("/v1/representation?scope=" + encode(scope) + "&tier=" + tier + "&group=" + group,
                Pipeline.LEADER).json().path(0);
    }

    private JsonNode flow(String scope, String tier) {
        return metrics.get("/v1/flows?period=" + quarter + "&scope=" + encode(scope) + "&tier=" + tier
                + "&group=TOTAL", Pipeline.LEADER).json().path(0);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Each key's latest value on a compacted topic, as Confluent's Python deserializer reads it. */
    private static Map<String, JsonNode> read(String topic) throws Exception {
        Result result = python(Map.of(), EXAMPLES.resolve("read_published.py").toString(),
                "--bootstrap-servers", platform.bootstrapServers(),
                "--registry-url", platform.registryUrl(), "--topic", topic);
        assertThat(result.exitCode()).as("read_published.py said: " + result.output()).isZero();
        Map<String, JsonNode> latest = new HashMap<>();
        for (String line : result.output().lines().filter(line -> line.startsWith("{")).toList()) {
            JsonNode record = Http.JSON.readTree(line);
            latest.put(record.path("key").asString(), record.path("value"));
        }
        return latest;
    }

    record Result(int exitCode, String output) {
    }

    private static Result python(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return new Result(127, PYTHON + " not found");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PYTHONPATH");
        builder.environment().remove("PYTHONHOME");
        builder.environment().put("PYTHONNOUSERSITE", "1");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
