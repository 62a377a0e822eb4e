package ca.calgary.representation.ingest.core;

import ca.calgary.representation.support.CsvReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class CsvLayoutTest {

    private static CsvReader.Row row(int line, String... cells) {
        return new CsvReader.Row(line, List.of(cells));
    }

    @Test
    void aHireRowBecomesCanonicalJsonWithItsPosition() {
        CsvLayout layout = CsvLayout.of(EventType.EMPLOYEE_HIRED);
        CsvReader.Row header = row(1, "eventId", "employeeId", "effectiveDate", "jobCode", "jobTitle", "level",
                "orgUnitPath", "serviceLine", "source");

        ObjectNode json = layout.toCanonicalJson(header, row(2, "ev-1", "E001", "2024-01-01", "POL-SUP", "Sergeant",
                "SUPERVISOR", "City/Public Safety/Calgary Police Service", "POLICE", ""));

        assertThat(json.path("type").stringValue()).isEqualTo("EmployeeHired");
        assertThat(json.path("position").path("level").stringValue()).isEqualTo("SUPERVISOR");
        assertThat(json.has("source")).as("empty cell is absent").isFalse();
        assertThat(CanonicalEventReaderTest.ALL.read(json).violations()).isEmpty();
    }

    @Test
    void aWorkingGroupAppointmentRowBecomesCanonicalJson() {
        CsvLayout layout = CsvLayout.of(EventType.WORKING_GROUP_APPOINTED);
        CsvReader.Row header = row(1, "eventId", "employeeId", "effectiveDate", "workingGroupId", "workingGroupName",
                "role");

        ObjectNode json = layout.toCanonicalJson(header, row(2, "wg-1", "E001", "2024-06-01", "ANTI-HATE-WG",
                "Anti-Hate Working Group", "CHAIR"));

        assertThat(json.path("type").stringValue()).isEqualTo("WorkingGroupAppointed");
        assertThat(json.path("workingGroupName").stringValue()).isEqualTo("Anti-Hate Working Group");
        assertThat(CanonicalEventReaderTest.ALL.read(json).violations()).isEmpty();
        assertThat(CsvLayout.of(EventType.WORKING_GROUP_APPOINTMENT_ENDED).checkHeader(row(1, "eventId", "employeeId",
                "effectiveDate", "workingGroupId", "role"))).singleElement()
                .satisfies(violation -> assertThat(violation.reason()).contains("unknown column 'role'"));
    }

    @Test
    void listColumnsAreSemicolonSeparated() {
        CsvLayout layout = CsvLayout.of(EventType.SELF_IDENTIFICATION_SUBMITTED);
        CsvReader.Row header = row(1, "eventId", "employeeId", "effectiveDate", "status", "indigenousIdentities",
                "raceCategories");

        ObjectNode json = layout.toCanonicalJson(header, row(2, "e", "E", "2024-01-01", "RESPONDED", "",
                "BLACK; SOUTH_ASIAN"));

        assertThat(json.path("raceCategories").size()).isEqualTo(2);
        assertThat(json.path("raceCategories").get(1).stringValue()).isEqualTo("SOUTH_ASIAN");
        assertThat(json.has("indigenousIdentities")).isFalse();
    }

    @Test
    void headerProblemsAreAllReported() {
        CsvLayout layout = CsvLayout.of(EventType.EMPLOYEE_SEPARATED);

        List<Violation> problems = layout.checkHeader(row(1, "eventId", "eventId", "effectiveDate", "why"));

        assertThat(problems).extracting(Violation::field)
                .containsExactlyInAnyOrder("eventId", "why", "employeeId", "reason");
        assertThat(problems).allSatisfy(v -> assertThat(v.item()).isEqualTo(1));
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        CsvLayout layout = CsvLayout.of(EventType.MENTORSHIP_COMPLETED);
        assertThatThrownBy(() -> layout.toCanonicalJson(row(1, "eventId", "employeeId"), row(4, "only-one")))
                .hasMessage("line 4 has 1 fields; the header has 2");
    }

    @Test
    void aCompetitionOpeningHasNoEmployeeColumn() {
        assertThat(CsvLayout.of(EventType.PROMOTION_COMPETITION_OPENED).columnNames()).doesNotContain("employeeId")
                .contains("competitionId", "level");
    }

    @Test
    void fieldsMapBackToColumns() {
        assertThat(CsvLayout.columnOf("position.level")).isEqualTo("level");
        assertThat(CsvLayout.columnOf("raceCategories[1]")).isEqualTo("raceCategories");
        assertThat(CsvLayout.columnOf("eventId")).isEqualTo("eventId");
    }
}
