package ca.calgary.representation.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HR event in SPEC §3's canonical form: its type, id, employee (absent for a competition's opening), dates and
 * the type's own fields in the order the canonical JSON lists them ({@code position} as a nested object).
 */
public record SimulatedEvent(String type, String eventId, String employeeId, LocalDate effectiveDate, Instant recordedAt,
                      Map<String, Object> fields) {

    static final String SOURCE = "workforce-simulator";

    /** The ingest service that takes this type (SPEC §3's table). */
    public String service() {
        return switch (type) {
            case "PromotionCompetitionOpened", "PromotionApplicationSubmitted", "PromotionCandidateShortlisted",
                 "EmployeePromoted" -> "promotion";
            case "MentorshipEnrolled", "MentorshipCompleted", "MentorshipWithdrawn", "WorkingGroupAppointed",
                 "WorkingGroupAppointmentEnded" -> "mentorship";
            default -> "hiring";
        };
    }

    /** The canonical JSON fields, in order. */
    public Map<String, Object> canonical() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("eventId", eventId);
        if (employeeId != null) {
            json.put("employeeId", employeeId);
        }
        json.put("effectiveDate", effectiveDate.toString());
        json.put("recordedAt", recordedAt.toString());
        json.put("source", SOURCE);
        json.putAll(fields);
        return json;
    }

    /** The CSV columns of this type, as the ingest services' CSV layouts name them. */
    public static List<String> csvColumns(String type) {
        List<String> columns = new ArrayList<>(List.of("eventId"));
        if (!type.equals("PromotionCompetitionOpened")) {
            columns.add("employeeId");
        }
        columns.addAll(List.of("effectiveDate", "recordedAt", "source"));
        columns.addAll(switch (type) {
            case "EmployeeHired", "EmployeeTransferred" -> POSITION;
            case "EmployeeSeparated" -> List.of("reason");
            case "SelfIdentificationSubmitted" -> List.of("status", "indigenousIdentities", "raceCategories");
            case "PromotionCompetitionOpened" -> concat(List.of("competitionId"), POSITION);
            case "PromotionApplicationSubmitted", "PromotionCandidateShortlisted" -> List.of("competitionId");
            case "EmployeePromoted" -> concat(POSITION, List.of("competitionId"));
            case "MentorshipEnrolled" -> List.of("programId", "role");
            case "MentorshipCompleted", "MentorshipWithdrawn" -> List.of("programId");
            case "WorkingGroupAppointed" -> List.of("workingGroupId", "workingGroupName", "role");
            case "WorkingGroupAppointmentEnded" -> List.of("workingGroupId");
            default -> List.of();
        });
        return columns;
    }

    /** This event's values for {@link #csvColumns(String)} (the position flattened, lists as lists). */
    public List<Object> csvValues() {
        Map<String, Object> flat = new LinkedHashMap<>(canonical());
        if (flat.remove("position") instanceof Map<?, ?> position) {
            position.forEach((name, value) -> flat.put((String) name, value));
        }
        List<Object> values = new ArrayList<>();
        for (String column : csvColumns(type)) {
            values.add(flat.get(column));
        }
        return values;
    }

    private static final List<String> POSITION = List.of("jobCode", "jobTitle", "level", "orgUnitPath", "serviceLine");

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
