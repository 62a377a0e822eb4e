package ca.calgary.representation.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import ca.calgary.representation.events.EmployeeHired;
import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationSubmitted;
import ca.calgary.representation.events.WorkingGroupAppointed;
import ca.calgary.representation.events.WorkingGroupAppointmentEnded;
import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.ingest.core.Violation.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CanonicalEventReaderTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final CanonicalEventReader ALL = new CanonicalEventReader(EnumSet.allOf(EventType.class), "test");
    static final CanonicalEventReader HIRING = new CanonicalEventReader(IngestService.HIRING.eventTypes(), "hiring");

    static final String HIRED = """
            {"type":"EmployeeHired","eventId":"ev-1","employeeId":"E001","effectiveDate":"2021-03-01",
             "recordedAt":"2021-03-01T09:00:00Z","source":"golden","position":{"jobCode":"POL-FRO",
             "jobTitle":"Constable","level":"FRONTLINE","orgUnitPath":"City/Public Safety/Calgary Police Service/Patrol",
             "serviceLine":"POLICE"}}""";
    static final String SELF_ID = """
            {"type":"SelfIdentificationSubmitted","eventId":"ev-2","employeeId":"E001","effectiveDate":"2021-03-01",
             "status":"RESPONDED","indigenousIdentities":["METIS","METIS"],"raceCategories":["BLACK"]}""";

    static final String APPOINTED = """
            {"type":"WorkingGroupAppointed","eventId":"wg-1","employeeId":"E001","effectiveDate":"2024-06-01",
             "workingGroupId":"ANTI-HATE-WG","workingGroupName":"Anti-Hate Working Group","role":"CO_CHAIR"}""";

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void everyGoldenEventIsValid() throws IOException {
        try (Stream<Path> cases = Files.list(ProjectFiles.golden())) {
            List<Path> files = cases.map(dir -> dir.resolve("events.jsonl")).filter(Files::exists).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        assertThat(ALL.read(json(line)).violations()).as(file + ": " + line).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void readsAHireIntoItsAvroPayload() {
        ValidatedEvent event = HIRING.read(json(HIRED)).event();

        assertThat(event.type()).isEqualTo(EventType.EMPLOYEE_HIRED);
        assertThat(event.eventId()).isEqualTo("ev-1");
        assertThat(event.employeeId()).isEqualTo("E001");
        assertThat(event.effectiveDate()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(event.recordedAt()).isEqualTo(Instant.parse("2021-03-01T09:00:00Z"));
        EmployeeHired hired = (EmployeeHired) event.payload();
        assertThat(hired.getPosition().getLevel()).isEqualTo(Level.FRONTLINE);
        assertThat(hired.getPosition().getServiceLine()).isEqualTo("POLICE");
    }

    @Test
    void readsAWorkingGroupAppointmentAndItsEnd() {
        CanonicalEventReader mentorship = new CanonicalEventReader(IngestService.MENTORSHIP.eventTypes(), "mentorship");

        ValidatedEvent appointed = mentorship.read(json(APPOINTED)).event();
        ValidatedEvent ended = mentorship.read(json("""
                {"type":"WorkingGroupAppointmentEnded","eventId":"wg-2","employeeId":"E001",
                 "effectiveDate":"2025-06-01","workingGroupId":"ANTI-HATE-WG"}""")).event();

        assertThat(appointed.type()).isEqualTo(EventType.WORKING_GROUP_APPOINTED);
        assertThat(appointed.type().topic()).isEqualTo(ca.calgary.representation.events.contract.EventTopic.MENTORSHIP);
        WorkingGroupAppointed payload = (WorkingGroupAppointed) appointed.payload();
        assertThat(payload.getWorkingGroupId()).isEqualTo("ANTI-HATE-WG");
        assertThat(payload.getWorkingGroupName()).isEqualTo("Anti-Hate Working Group");
        assertThat(payload.getRole()).isEqualTo(WorkingGroupRole.CO_CHAIR);
        assertThat(((WorkingGroupAppointmentEnded) ended.payload()).getWorkingGroupId()).isEqualTo("ANTI-HATE-WG");
    }

    @Test
    void recordedAtAndSourceMayBeLeftOut() {
        ValidatedEvent event = HIRING.read(json(SELF_ID)).event();
        assertThat(event.recordedAt()).isNull();
        assertThat(event.source()).isNull();
    }

    @Test
    void repeatedIdentitiesAreFolded() {
        SelfIdentificationSubmitted payload = (SelfIdentificationSubmitted) HIRING.read(json(SELF_ID)).event().payload();
        assertThat(payload.getIndigenousIdentities()).containsExactly(IndigenousIdentity.METIS);
        assertThat(payload.getRaceCategories()).containsExactly(RaceCategory.BLACK);
    }

    @Test
    void canonicalContentIgnoresJsonKeyOrder() {
        String reordered = """
                {"employeeId":"E001","raceCategories":["BLACK"],"indigenousIdentities":["METIS"],"status":"RESPONDED",
                 "effectiveDate":"2021-03-01","eventId":"ev-2","type":"SelfIdentificationSubmitted"}""";
        assertThat(HIRING.read(json(reordered)).event().canonicalContent())
                .isEqualTo(HIRING.read(json(SELF_ID)).event().canonicalContent());
    }

    @Test
    void theUnitPathDepthIsConfiguration() {
        String deep = HIRED.replace("Calgary Police Service/Patrol", "Calgary Police Service/Patrol/Squad");
        assertThat(new CanonicalEventReader(IngestService.HIRING.eventTypes(), "hiring", 4).read(json(deep))
                .violations()).extracting(Violation::field).containsExactly("position.orgUnitPath");
        assertThat(new CanonicalEventReader(IngestService.HIRING.eventTypes(), "hiring", 5).read(json(deep))
                .isValid()).isTrue();
    }

    @Test
    void everyProblemOfAnEventIsReportedAtOnce() {
        String bad = """
                {"type":"EmployeeHired","eventId":" ","effectiveDate":"2021-02-30",
                 "position":{"jobCode":"X","level":"CAPTAIN"}}""";
        assertThat(HIRING.read(json(bad)).violations()).extracting(Violation::field)
                .contains("eventId", "employeeId", "effectiveDate", "position.jobTitle", "position.level",
                        "position.orgUnitPath", "position.serviceLine");
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                bad("unknown type", "{\"type\":\"EmployeeFired\",\"eventId\":\"e\",\"employeeId\":\"E\","
                        + "\"effectiveDate\":\"2024-01-01\"}", "type", Code.UNKNOWN_TYPE, "unknown event type 'EmployeeFired'"),
                bad("type of another service", "{\"type\":\"MentorshipCompleted\",\"eventId\":\"e\",\"employeeId\":\"E\","
                        + "\"effectiveDate\":\"2024-01-01\",\"programId\":\"P\"}", "type", Code.NOT_ACCEPTED_HERE,
                        "send it to the mentorship service"),
                bad("missing type", "{\"eventId\":\"e\"}", "type", Code.REQUIRED, "type is required"),
                bad("missing eventId", HIRED.replace("\"eventId\":\"ev-1\",", ""), "eventId", Code.REQUIRED,
                        "eventId is required"),
                bad("blank eventId", HIRED.replace("\"ev-1\"", "\"  \""), "eventId", Code.REQUIRED, "must not be blank"),
                bad("missing employeeId", HIRED.replace("\"employeeId\":\"E001\",", ""), "employeeId", Code.REQUIRED,
                        "employeeId is required"),
                bad("blank employeeId", HIRED.replace("\"E001\"", "\"\""), "employeeId", Code.REQUIRED,
                        "must not be blank"),
                bad("numeric employeeId", HIRED.replace("\"E001\"", "1001"), "employeeId", Code.MALFORMED,
                        "must be a string"),
                bad("too long id", HIRED.replace("\"ev-1\"", "\"" + "x".repeat(201) + "\""), "eventId", Code.TOO_LONG,
                        "at most 200"),
                bad("malformed date", HIRED.replace("2021-03-01\"", "01/03/2021\""), "effectiveDate", Code.MALFORMED,
                        "not an ISO date"),
                bad("impossible date", HIRED.replace("2021-03-01\"", "2021-02-30\""), "effectiveDate",
                        Code.IMPOSSIBLE_DATE, "not a date that exists"),
                bad("date out of range", HIRED.replace("2021-03-01\"", "1850-01-01\""), "effectiveDate",
                        Code.OUT_OF_RANGE, "outside"),
                bad("malformed recordedAt", HIRED.replace("2021-03-01T09:00:00Z", "yesterday"), "recordedAt",
                        Code.MALFORMED, "not an ISO-8601 instant"),
                bad("unknown level", HIRED.replace("FRONTLINE", "CAPTAIN"), "position.level", Code.UNKNOWN_VALUE,
                        "unknown level 'CAPTAIN'"),
                bad("position missing field", HIRED.replace("\"jobTitle\":\"Constable\",", ""), "position.jobTitle",
                        Code.REQUIRED, "jobTitle is required"),
                bad("position missing", "{\"type\":\"EmployeeHired\",\"eventId\":\"e\",\"employeeId\":\"E\","
                        + "\"effectiveDate\":\"2024-01-01\"}", "position", Code.REQUIRED, "position is required"),
                bad("position not an object", HIRED.replaceAll("(?s)\"position\":\\{.*\\}\\}", "\"position\":\"Sergeant\"}"),
                        "position", Code.MALFORMED, "must be an object"),
                bad("empty unit in path", HIRED.replace("City/Public Safety", "City//Public Safety"),
                        "position.orgUnitPath", Code.MALFORMED, "empty unit"),
                bad("service line not a code", HIRED.replace("\"POLICE\"", "\"police service\""),
                        "position.serviceLine", Code.MALFORMED, "upper-case code"),
                bad("unknown field", HIRED.replace("\"source\":\"golden\",", "\"sourc\":\"golden\","), "sourc",
                        Code.UNKNOWN_FIELD, "unknown field 'sourc'"),
                bad("unknown reason", "{\"type\":\"EmployeeSeparated\",\"eventId\":\"e\",\"employeeId\":\"E\","
                        + "\"effectiveDate\":\"2024-01-01\",\"reason\":\"FIRED\"}", "reason", Code.UNKNOWN_VALUE,
                        "unknown reason 'FIRED'"),
                bad("unknown race category", SELF_ID.replace("\"BLACK\"", "\"ASIAN\""), "raceCategories",
                        Code.UNKNOWN_VALUE, "unknown raceCategories 'ASIAN'"),
                bad("unknown indigenous identity", SELF_ID.replace("[\"METIS\",\"METIS\"]", "[\"CREE\"]"),
                        "indigenousIdentities", Code.UNKNOWN_VALUE, "unknown indigenousIdentities 'CREE'"),
                bad("categories not a list", SELF_ID.replace("[\"BLACK\"]", "\"BLACK\""), "raceCategories",
                        Code.MALFORMED, "must be an array"),
                bad("RESPONDED with no identity", SELF_ID.replace("[\"METIS\",\"METIS\"]", "[]")
                        .replace("[\"BLACK\"]", "[]"), "status", Code.INCONSISTENT, "RESPONDED needs at least one"),
                bad("PREFER_NOT_TO_ANSWER with identities", SELF_ID.replace("RESPONDED", "PREFER_NOT_TO_ANSWER"),
                        "status", Code.INCONSISTENT, "PREFER_NOT_TO_ANSWER carries no identities"),
                bad("unknown status", SELF_ID.replace("RESPONDED", "YES"), "status", Code.UNKNOWN_VALUE,
                        "unknown status 'YES'"),
                bad("unknown role", "{\"type\":\"MentorshipEnrolled\",\"eventId\":\"e\",\"employeeId\":\"E\","
                        + "\"effectiveDate\":\"2024-01-01\",\"programId\":\"P\",\"role\":\"COACH\"}", "role",
                        Code.UNKNOWN_VALUE, "unknown role 'COACH'"),
                bad("unknown working-group role", APPOINTED.replace("CO_CHAIR", "SECRETARY"), "role",
                        Code.UNKNOWN_VALUE, "unknown role 'SECRETARY'"),
                bad("missing working-group name", APPOINTED.replace("\"workingGroupName\":\"Anti-Hate Working Group\",",
                        ""), "workingGroupName", Code.REQUIRED, "workingGroupName is required"),
                bad("missing working-group id", APPOINTED.replace("\"workingGroupId\":\"ANTI-HATE-WG\",", ""),
                        "workingGroupId", Code.REQUIRED, "workingGroupId is required"),
                bad("a working-group name with a right-to-left override", APPOINTED.replace("Anti-Hate",
                        "Anti\\u202E-Hate"), "workingGroupName", Code.MALFORMED, "U+202E"),
                bad("a role field on an appointment's end", "{\"type\":\"WorkingGroupAppointmentEnded\","
                        + "\"eventId\":\"e\",\"employeeId\":\"E\",\"effectiveDate\":\"2024-01-01\","
                        + "\"workingGroupId\":\"W\",\"role\":\"CHAIR\"}", "role", Code.UNKNOWN_FIELD, "role"),
                bad("missing competitionId", "{\"type\":\"PromotionApplicationSubmitted\",\"eventId\":\"e\","
                        + "\"employeeId\":\"E\",\"effectiveDate\":\"2024-01-01\"}", "competitionId", Code.REQUIRED,
                        "competitionId is required"),
                bad("employeeId on a competition opening", "{\"type\":\"PromotionCompetitionOpened\",\"eventId\":\"e\","
                        + "\"employeeId\":\"E\",\"effectiveDate\":\"2024-01-01\",\"competitionId\":\"C\","
                        + "\"position\":{\"jobCode\":\"J\",\"jobTitle\":\"T\",\"level\":\"MANAGER\",\"orgUnitPath\":\"City\","
                        + "\"serviceLine\":\"POLICE\"}}", "employeeId", Code.NOT_ALLOWED, "leave employeeId out"),
                bad("control characters", HIRED.replace("\"golden\"", "\"gold\\u0000en\""), "source", Code.MALFORMED,
                        "control characters"),
                bad("a unit path deeper than 12 units", HIRED.replace("Calgary Police Service/Patrol",
                        "Calgary Police Service/Patrol" + "/Squad".repeat(9)), "position.orgUnitPath", Code.TOO_LONG,
                        "orgUnitPath has 13 units; at most 12"),
                bad("a right-to-left override in a unit name", HIRED.replace("/Patrol", "/\\u202Elortap"),
                        "position.orgUnitPath", Code.MALFORMED, "invisible formatting characters such as U+202E"),
                bad("a zero-width space in an id", HIRED.replace("\"E001\"", "\"E0\\u200B01\""), "employeeId",
                        Code.MALFORMED, "U+200B"));
    }

    private static Arguments bad(String name, String json, String field, Code code, String reason) {
        return Arguments.of(name, json, field, code, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badInputIsRefusedNamingFieldAndReason(String name, String input, String field, Code code, String reason) {
        CanonicalEventReader.Result result = (field.equals("type") && code == Code.NOT_ACCEPTED_HERE ? HIRING : ALL)
                .read(json(input));

        assertThat(result.isValid()).isFalse();
        assertThat(result.violations()).anySatisfy(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.reason()).contains(reason);
        });
    }

    @Test
    void aNonObjectIsRefused() {
        assertThat(ALL.read(json("[1,2]")).violations()).singleElement()
                .extracting(Violation::code).isEqualTo(Code.MALFORMED);
    }
}
