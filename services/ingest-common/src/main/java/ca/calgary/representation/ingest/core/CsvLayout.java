package ca.calgary.representation.ingest.core;

import ca.calgary.representation.support.CsvReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.ingest.core.Violation.Code;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSV column layout of one event type, as an HR export would write it: a header row naming the columns (in
 * any order), one event per row. Columns are the canonical field names, with the position's fields flat
 * ({@code jobCode,jobTitle,level,orgUnitPath,serviceLine}) and list fields separated by {@code ;}. An empty cell
 * means the field is absent. Each row becomes canonical JSON and passes the same rules as JSON input.
 */
public final class CsvLayout {

    /** One column: its name and whether a file must have it. */
    public record Column(String name, boolean required) {
    }

    private static final List<String> POSITION = List.of("jobCode", "jobTitle", "level", "orgUnitPath", "serviceLine");
    private static final Set<String> LISTS = Set.of("indigenousIdentities", "raceCategories");

    private final EventType type;
    private final List<Column> columns;

    private CsvLayout(EventType type, List<Column> columns) {
        this.type = type;
        this.columns = List.copyOf(columns);
    }

    public static CsvLayout of(EventType type) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("eventId", true));
        if (type.hasEmployee()) {
            columns.add(new Column("employeeId", true));
        }
        columns.add(new Column("effectiveDate", true));
        columns.add(new Column("recordedAt", false));
        columns.add(new Column("source", false));
        switch (type) {
            case EMPLOYEE_HIRED, EMPLOYEE_TRANSFERRED -> POSITION.forEach(name -> columns.add(new Column(name, true)));
            case EMPLOYEE_PROMOTED -> {
                POSITION.forEach(name -> columns.add(new Column(name, true)));
                columns.add(new Column("competitionId", false));
            }
            case PROMOTION_COMPETITION_OPENED -> {
                columns.add(new Column("competitionId", true));
                POSITION.forEach(name -> columns.add(new Column(name, true)));
            }
            case EMPLOYEE_SEPARATED -> columns.add(new Column("reason", true));
            case SELF_IDENTIFICATION_SUBMITTED -> {
                columns.add(new Column("status", true));
                columns.add(new Column("indigenousIdentities", false));
                columns.add(new Column("raceCategories", false));
            }
            case SELF_IDENTIFICATION_WITHDRAWN -> {
            }
            case PROMOTION_APPLICATION_SUBMITTED, PROMOTION_CANDIDATE_SHORTLISTED ->
                    columns.add(new Column("competitionId", true));
            case MENTORSHIP_ENROLLED -> {
                columns.add(new Column("programId", true));
                columns.add(new Column("role", true));
            }
            case MENTORSHIP_COMPLETED, MENTORSHIP_WITHDRAWN -> columns.add(new Column("programId", true));
            case WORKING_GROUP_APPOINTED -> {
                columns.add(new Column("workingGroupId", true));
                columns.add(new Column("workingGroupName", true));
                columns.add(new Column("role", true));
            }
            case WORKING_GROUP_APPOINTMENT_ENDED -> columns.add(new Column("workingGroupId", true));
            default -> throw new IllegalStateException("no CSV layout for " + type);
        }
        return new CsvLayout(type, columns);
    }

    public EventType type() {
        return type;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The header row's problems: unknown, repeated or missing required columns (all reported, on line 1). */
    public List<Violation> checkHeader(CsvReader.Row header) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Column> known = new HashMap<>();
        columns.forEach(column -> known.put(column.name(), column));
        Map<String, Integer> seen = new HashMap<>();
        for (String raw : header.cells()) {
            String name = raw.strip();
            if (!known.containsKey(name)) {
                violations.add(new Violation(header.line(), name, Code.UNKNOWN_FIELD, "unknown column '" + name
                        + "' for " + type + "; the columns are " + columnNames()));
            } else if (seen.merge(name, 1, Integer::sum) > 1) {
                violations.add(new Violation(header.line(), name, Code.MALFORMED, "column '" + name
                        + "' appears twice in the header"));
            }
        }
        for (Column column : columns) {
            if (column.required() && !seen.containsKey(column.name())) {
                violations.add(new Violation(header.line(), column.name(), Code.REQUIRED, "required column '"
                        + column.name() + "' is missing from the header"));
            }
        }
        return violations;
    }

    /** A data row as canonical JSON, or a violation when its cell count does not match the header. */
    public ObjectNode toCanonicalJson(CsvReader.Row header, CsvReader.Row row) {
        if (row.cells().size() != header.cells().size()) {
            throw new IllegalArgumentException("line " + row.line() + " has " + row.cells().size()
                    + " fields; the header has " + header.cells().size());
        }
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode event = json.objectNode();
        event.put("type", type.canonicalName());
        ObjectNode position = json.objectNode();
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            cells.put(header.cells().get(i).strip(), row.cells().get(i));
        }
        cells.forEach((name, value) -> {
            if (value.isBlank()) {
                return;
            }
            if (POSITION.contains(name)) {
                position.put(name, value);
            } else if (LISTS.contains(name)) {
                ArrayNode list = event.putArray(name);
                for (String item : value.split(";")) {
                    if (!item.isBlank()) {
                        list.add(item.strip());
                    }
                }
            } else {
                event.put(name, value);
            }
        });
        if (!position.isEmpty()) {
            event.set("position", position);
        }
        return event;
    }

    /** The column a canonical field (e.g. {@code position.level}) was read from. */
    public static String columnOf(String field) {
        if (field == null) {
            return null;
        }
        String column = field.startsWith("position.") ? field.substring("position.".length()) : field;
        int bracket = column.indexOf('[');
        return bracket < 0 ? column : column.substring(0, bracket);
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
