package ca.calgary.representation.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.platform.LocalPlatform;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/** The ingest API end to end: HTTP in, a plain Kafka consumer with the project's deserializer out. */
@SpringBootTest(classes = TestIngestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestApiIT extends PlatformBackedServiceTest {

    /**
     * Every employee id used here carries this marker, and so does every eventId and Idempotency-Key (as HR systems
     * build them from employee ids: {@code E1234-hire}), so the leak test can search every topic for it.
     */
    static final String CANARY = "CANARY-EMPLOYEE-";


    private Http http;
    private final LocalPlatform platform = platform();

    @BeforeEach
    void awaitReady() {
        http = readyService();
    }

    static String id() {
        return CANARY + "event-" + UUID.randomUUID();
    }

    static String hire(String eventId, String employeeId) {
        return """
                {"type":"EmployeeHired","eventId":"%s","employeeId":"%s","effectiveDate":"2024-04-01",
                 "recordedAt":"2024-04-01T09:00:00Z","source":"sap-hr","position":{"jobCode":"FIR-MAN",
                 "jobTitle":"Captain","level":"MANAGER","orgUnitPath":"City/Public Safety/Calgary Fire Department",
                 "serviceLine":"FIRE"}}""".formatted(eventId, employeeId);
    }

    static String selfId(String eventId, String employeeId, String categories) {
        return """
                {"type":"SelfIdentificationSubmitted","eventId":"%s","employeeId":"%s","effectiveDate":"2024-04-01",
                 "status":"RESPONDED","raceCategories":[%s]}""".formatted(eventId, employeeId, categories);
    }

    /** The records of the event the publisher called {@code eventId}: in Kafka it carries its eventKey. */
    private List<ConsumerRecord<String, Object>> withEventId(EventTopic topic, String eventId) {
        String eventKey = pseudonymizer.eventKey(eventId);
        return TopicReader.records(platform, topic.topicName()).stream()
                .filter(record -> eventKey.equals(((GenericRecord) record.value()).get("eventId"))).toList();
    }

    @Test
    void anAcceptedEventIsAlreadyInKafkaKeyedByTheEmployeeKey() {
        String eventId = id();
        String employee = CANARY + "1";

        Http.Response response = http.post("/v1/events", "application/json", hire(eventId, employee), Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(response.json().path("events").get(0).path("status").stringValue()).isEqualTo("ACCEPTED");
        assertThat(response.json().path("events").get(0).path("eventId").stringValue()).isEqualTo(eventId);
        assertThat(response.json().path("events").get(0).path("eventKey").stringValue())
                .isEqualTo(pseudonymizer.eventKey(eventId));
        List<ConsumerRecord<String, Object>> records = withEventId(EventTopic.EMPLOYMENT, eventId);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(pseudonymizer.employeeKey(employee));
            EmploymentEvent event = (EmploymentEvent) record.value();
            assertThat(event.getEmployeeKey()).isEqualTo(pseudonymizer.employeeKey(employee));
            assertThat(event.getSource()).isEqualTo("sap-hr");
        });
    }

    @Test
    void selfIdentificationTravelsOnItsOwnTopicWithTheCallerAsSource() {
        String eventId = id();

        assertThat(http.post("/v1/events", "application/json", selfId(eventId, CANARY + "2", "\"BLACK\""),
                Http.PUBLISHER).status()).isEqualTo(202);

        assertThat(withEventId(EventTopic.SELF_IDENTIFICATION, eventId)).singleElement()
                .satisfies(record -> assertThat(((SelfIdentificationEvent) record.value()).getSource())
                        .isEqualTo("sap-hr"));
        assertThat(withEventId(EventTopic.EMPLOYMENT, eventId)).isEmpty();
    }

    @Test
    void theHiringEventsOfAGoldenCaseAreAcceptedAsNdjson() throws Exception {
        List<String> hiring = Files.readAllLines(ProjectFiles.golden().resolve("01-basics/events.jsonl")).stream()
                .filter(line -> !line.isBlank() && !line.contains("\"EmployeePromoted\"")).toList();
        String events = String.join("\n", hiring);
        long lines = hiring.size();

        Http.Response response = http.post("/v1/events/batch", "application/x-ndjson", events, Http.PUBLISHER);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo((int) lines);
    }

    @Test
    void aJsonArrayBatchIsAcceptedWhole() {
        String first = id();
        String second = id();
        String batch = "[" + hire(first, CANARY + "3") + "," + selfId(second, CANARY + "3", "\"SOUTH_ASIAN\"") + "]";

        Http.Response response = http.post("/v1/events/batch", "application/json", batch, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(withEventId(EventTopic.EMPLOYMENT, first)).hasSize(1);
        assertThat(withEventId(EventTopic.SELF_IDENTIFICATION, second)).hasSize(1);
    }

    @Test
    void eventsWithoutRecordedAtAreStampedInTheOrderOfTheRequest() {
        // A submission then a withdrawal of one employee on one day: their eventKeys' order is arbitrary, so the
        // stamps must carry the order the publisher sent them in.
        String employee = CANARY + "22";
        List<String> ids = IntStream.range(0, 6).mapToObj(i -> id()).toList();
        String batch = IntStream.range(0, ids.size()).mapToObj(i -> i % 2 == 0
                        ? selfId(ids.get(i), employee, "\"BLACK\"")
                        : """
                        {"type":"SelfIdentificationWithdrawn","eventId":"%s","employeeId":"%s",
                         "effectiveDate":"2024-04-01"}""".formatted(ids.get(i), employee))
                .collect(Collectors.joining(",", "[", "]"));

        Http.Response response = http.post("/v1/events/batch", "application/json", batch, Http.PUBLISHER);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        List<Instant> stamps = ids.stream().map(eventId -> ((SelfIdentificationEvent)
                withEventId(EventTopic.SELF_IDENTIFICATION, eventId).get(0).value()).getRecordedAt()).toList();
        assertThat(stamps).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeAndNothingReachesKafka() {
        String good = id();
        String bad = id();
        String batch = "[" + hire(good, CANARY + "4") + "," + hire(bad, CANARY + "5").replace("MANAGER", "CHIEF") + "]";

        Http.Response response = http.post("/v1/events/batch", "application/json", batch, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.path("detail").stringValue()).contains("1 of 2", "nothing was accepted", "all-or-nothing");
        assertThat(problem.path("errors").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(problem.path("errors").get(0).path("field").stringValue()).isEqualTo("position.level");
        assertThat(withEventId(EventTopic.EMPLOYMENT, good)).isEmpty();
    }

    @Test
    void repeatingARequestCreatesNoSecondEvent() {
        String eventId = id();
        String body = hire(eventId, CANARY + "6");

        Http.Response first = http.post("/v1/events", "application/json", body, Http.PUBLISHER);
        Http.Response again = http.post("/v1/events", "application/json", body, Http.PUBLISHER);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(again.json().path("events").get(0).path("status").stringValue()).isEqualTo("DUPLICATE");
        assertThat(withEventId(EventTopic.EMPLOYMENT, eventId)).hasSize(1);
    }

    @Test
    void anEventIdReusedWithOtherContentIsAConflict() {
        String eventId = id();
        http.post("/v1/events", "application/json", hire(eventId, CANARY + "7"), Http.PUBLISHER);

        Http.Response response = http.post("/v1/events", "application/json",
                hire(eventId, CANARY + "7").replace("Captain", "Chief"), Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("type").stringValue()).endsWith("/event-id-conflict");
        assertThat(withEventId(EventTopic.EMPLOYMENT, eventId)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyReplayedIsSafeAndReusedForOtherContentIsRefused() {
        String key = id();
        String body = "[" + hire(id(), CANARY + "8") + "]";

        assertThat(http.post("/v1/events/batch", "application/json", body, Http.PUBLISHER, "Idempotency-Key", key)
                .status()).isEqualTo(202);
        Http.Response replay = http.post("/v1/events/batch", "application/json", body, Http.PUBLISHER,
                "Idempotency-Key", key);
        Http.Response reused = http.post("/v1/events/batch", "application/json", "[" + hire(id(), CANARY + "9") + "]",
                Http.PUBLISHER, "Idempotency-Key", key);

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().path("accepted").asInt()).isZero();
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("type").stringValue()).endsWith("/idempotency-key-reused");
    }

    static Stream<Arguments> badEvents() {
        String hire = hire("bad-input", CANARY + "X");
        String selfId = selfId("bad-input", CANARY + "X", "\"BLACK\"");
        return Stream.of(
                Arguments.of("unknown type", hire.replace("EmployeeHired", "EmployeeFired"), "type", "unknown event type"),
                Arguments.of("type of another service", hire.replace("EmployeeHired", "EmployeePromoted"), "type",
                        "send it to the promotion service"),
                Arguments.of("missing eventId", hire.replace("\"eventId\":\"bad-input\",", ""), "eventId", "required"),
                Arguments.of("blank employeeId", hire.replace(CANARY + "X", " "), "employeeId", "must not be blank"),
                Arguments.of("malformed date", hire.replace("\"2024-04-01\"", "\"April 1\""), "effectiveDate",
                        "not an ISO date"),
                Arguments.of("impossible date", hire.replace("\"2024-04-01\"", "\"2023-02-29\""), "effectiveDate",
                        "not a date that exists"),
                Arguments.of("unknown level", hire.replace("MANAGER", "CAPTAIN"), "position.level", "unknown level"),
                Arguments.of("unknown category", selfId.replace("BLACK", "PURPLE"), "raceCategories",
                        "unknown raceCategories 'PURPLE'"),
                Arguments.of("unknown reason", """
                        {"type":"EmployeeSeparated","eventId":"x","employeeId":"%sX","effectiveDate":"2024-01-01",
                         "reason":"LAID_OFF"}""".formatted(CANARY), "reason", "unknown reason 'LAID_OFF'"),
                Arguments.of("RESPONDED with no identity", selfId.replace("\"BLACK\"", ""), "status",
                        "RESPONDED needs at least one"),
                Arguments.of("PREFER_NOT_TO_ANSWER with identities", selfId.replace("RESPONDED", "PREFER_NOT_TO_ANSWER"),
                        "status", "carries no identities"),
                Arguments.of("position missing fields", hire.replace("\"jobCode\":\"FIR-MAN\",", ""), "position.jobCode",
                        "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badInputGetsAProblemNamingTheFieldAndReason(String name, String body, String field, String reason) {
        Http.Response response = http.post("/v1/events", "application/json", body, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = response.json();
        assertThat(problem.path("type").stringValue()).endsWith("/invalid-events");
        assertThat(problem.path("accepted").asInt()).isZero();
        assertThat(problem.path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").stringValue()).isEqualTo(field);
            assertThat(error.path("reason").stringValue()).contains(reason);
        });
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        Http.Response response = http.post("/v1/events", "application/json", "{\"type\": \"EmployeeHired\",",
                Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").stringValue()).contains("not valid JSON", "line 1");
    }

    @Test
    void anNdjsonLineThatDoesNotParseIsNamedByLine() {
        String body = hire(id(), CANARY + "10").replace("\n", "") + "\n{not json}\n";

        Http.Response response = http.post("/v1/events/batch", "application/x-ndjson", body, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("line").asInt()).isEqualTo(2);
    }

    @Test
    void aBatchOverTheEventLimitIsRefused() {
        String batch = IntStream.range(0, 51).mapToObj(i -> hire(id(), CANARY + "11").replace("\n", ""))
                .collect(Collectors.joining("\n"));

        Http.Response response = http.post("/v1/events/batch", "application/x-ndjson", batch, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("detail").stringValue()).contains("51 events", "at most 50");
    }

    @Test
    void aBodyOverTheSizeLimitIsRefused() {
        byte[] body = ("[" + " ".repeat(70 * 1024) + "]").getBytes(StandardCharsets.UTF_8);

        Http.Response response = http.postBytes("/v1/events/batch", "application/json", body, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("type").stringValue()).endsWith("/payload-too-large");
    }

    static final String HIRE_CSV_HEADER = "eventId,employeeId,effectiveDate,jobCode,jobTitle,level,orgUnitPath,serviceLine\r\n";

    @Test
    void aCsvFileIsAccepted() {
        String first = id();
        String second = id();
        String csv = HIRE_CSV_HEADER
                + first + "," + CANARY + "12,2024-05-01,POL-SUP,Sergeant,SUPERVISOR,\"City/Public Safety/Calgary Police Service\",POLICE\r\n"
                + second + "," + CANARY + "13,2024-05-01,POL-FRO,\"Constable, 1st class\",FRONTLINE,City/Public Safety/Calgary Police Service,POLICE\r\n";

        Http.Response response = http.post("/v1/events/EmployeeHired/csv", "text/csv", csv, Http.PUBLISHER);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(withEventId(EventTopic.EMPLOYMENT, second)).singleElement().satisfies(record ->
                assertThat(record.value().toString()).contains("Constable, 1st class"));
    }

    @Test
    void aCsvFileCanBeUploadedAsMultipart() {
        String eventId = id();
        String csv = "eventId,employeeId,effectiveDate,status,raceCategories\n" + eventId + "," + CANARY
                + "14,2024-05-01,RESPONDED,BLACK;EAST_ASIAN\n";
        String boundary = "----representation-monitor";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"selfid.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";

        Http.Response response = http.post("/v1/events/SelfIdentificationSubmitted/csv",
                "multipart/form-data; boundary=" + boundary, body, Http.PUBLISHER);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(withEventId(EventTopic.SELF_IDENTIFICATION, eventId)).hasSize(1);
    }

    @Test
    void anUploadedFileOverTheSizeLimitIsRefused() {
        String boundary = "----representation-monitor";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + HIRE_CSV_HEADER + "x".repeat(70 * 1024) + "\r\n--" + boundary + "--\r\n";

        Http.Response response = http.post("/v1/events/EmployeeHired/csv", "multipart/form-data; boundary=" + boundary,
                body, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("type").stringValue()).endsWith("/payload-too-large");
    }

    @Test
    void aBadCsvRowIsNamedByLineAndColumnAndNothingIsAccepted() {
        String good = id();
        String csv = HIRE_CSV_HEADER
                + good + "," + CANARY + "15,2024-05-01,POL-SUP,Sergeant,SUPERVISOR,City/Public Safety,POLICE\r\n"
                + id() + "," + CANARY + "16,2024-13-01,POL-SUP,Sergeant,SUPERVISOR,City/Public Safety,POLICE\r\n";

        Http.Response response = http.post("/v1/events/EmployeeHired/csv", "text/csv", csv, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(422);
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("column").stringValue()).isEqualTo("effectiveDate");
        assertThat(withEventId(EventTopic.EMPLOYMENT, good)).isEmpty();
    }

    @Test
    void aCsvRowThatDoesNotParseIsNamedByLine() {
        String csv = HIRE_CSV_HEADER + id() + "," + CANARY + "17,2024-05-01,POL-SUP\r\n";

        Http.Response response = http.post("/v1/events/EmployeeHired/csv", "text/csv", csv, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(response.json().path("errors").get(0).path("reason").stringValue()).contains("4 fields");
    }

    @Test
    void aCsvHeaderMissingAColumnIsRefused() {
        Http.Response response = http.post("/v1/events/EmployeeHired/csv", "text/csv",
                "eventId,employeeId,effectiveDate\nx,y,2024-01-01\n", Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors")).anySatisfy(error ->
                assertThat(error.path("reason").stringValue()).contains("required column 'level'"));
    }

    @Test
    void aCsvForATypeOfAnotherServiceIsNotFound() {
        Http.Response response = http.post("/v1/events/MentorshipEnrolled/csv", "text/csv", "eventId\n",
                Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").stringValue()).endsWith("/unknown-event-type");
    }

    @Test
    void eventTypesListTheirCsvColumns() {
        Http.Response response = http.get("/v1/event-types", Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("EmployeeHired", "SelfIdentificationWithdrawn", "orgUnitPath");
    }

    @Test
    void withoutCredentialsEverythingButHealthIsUnauthorized() {
        Http.Response events = http.post("/v1/events", "application/json", hire(id(), CANARY + "18"), null);
        Http.Response docs = http.get("/v3/api-docs", null);
        Http.Response prometheus = http.get("/actuator/prometheus", null);

        assertThat(events.status()).isEqualTo(401);
        assertThat(events.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(docs.status()).isEqualTo(401);
        assertThat(prometheus.status()).isEqualTo(401);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        assertThat(http.post("/v1/events", "application/json", hire(id(), CANARY + "19"), "sap-hr:guess").status())
                .isEqualTo(401);
    }

    @Test
    void aCallerWithoutThePublisherRoleIsForbidden() {
        Http.Response response = http.post("/v1/events", "application/json", hire(id(), CANARY + "20"), Http.LEADER);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").stringValue()).endsWith("/forbidden");
        assertThat(http.get("/actuator/prometheus", Http.PUBLISHER).status()).isEqualTo(403);
    }

    @Test
    void theApiIsDescribedWithOpenApi() {
        Http.Response response = http.get("/v3/api-docs", Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("paths").propertyNames())
                .contains("/v1/events", "/v1/events/batch", "/v1/events/{type}/csv", "/v1/event-types");
    }

    @Test
    void prometheusCountsAcceptedAndRejectedEventsByTypeAndReason() {
        http.post("/v1/events", "application/json", hire(id(), CANARY + "21"), Http.PUBLISHER);
        http.post("/v1/events", "application/json", hire(id(), CANARY + "21").replace("MANAGER", "BOSS"),
                Http.PUBLISHER);

        String metrics = http.get("/actuator/prometheus", Http.ADMIN).body();

        assertThat(metrics).containsPattern("ingest_events_accepted_total\\{[^}]*type=\"EmployeeHired\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern(
                "ingest_events_rejected_total\\{[^}]*reason=\"unknown-value\"[^}]*type=\"EmployeeHired\"[^}]*} [1-9]");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noTopicHoldsAnEmployeeIdInTheClearNorInsideAnEventIdOrIdempotencyKey() throws Exception {
        TopicReader.Scan scan = TopicReader.scan(platform, List.of(CANARY));
        assertThat(scan.topics()).contains(EventTopic.EMPLOYMENT.topicName(), AcceptedEventLedger.TOPIC);
        assertThat(scan.found()).isEmpty();
        assertThat(scan.records()).isPositive();
    }
}
