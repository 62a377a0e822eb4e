package ca.calgary.representation.ingest.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ca.calgary.representation.events.IndigenousIdentity;
import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.SelfIdentificationStatus;
import ca.calgary.representation.events.SeparationReason;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.events.contract.TextRules;
import ca.calgary.representation.ingest.core.Violation.Code;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.JsonNode;

/**
 * Reads one event in the canonical JSON of SPEC §3 and checks every rule, collecting all violations (not just the
 * first) so a publisher can fix a record in one go. Unknown fields are refused: a misspelt field must not vanish.
 */
public final class CanonicalEventReader {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 500;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SERVICE_LINE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> COMMON_FIELDS =
            Set.of("type", "eventId", "employeeId", "effectiveDate", "recordedAt", "source");
    private static final List<String> POSITION_FIELDS =
            List.of("jobCode", "jobTitle", "level", "orgUnitPath", "serviceLine");

    private final Set<EventType> accepted;
    private final String serviceName;
    private final int maxOrgUnits;

    /**
     * @param accepted    the types this reader accepts; others are refused as not accepted here
     * @param serviceName how the refusal names this service
     * @param maxOrgUnits how many units an orgUnitPath may name (SPEC §5)
     */
    public CanonicalEventReader(Set<EventType> accepted, String serviceName, int maxOrgUnits) {
        this.accepted = Set.copyOf(accepted);
        this.serviceName = serviceName;
        this.maxOrgUnits = maxOrgUnits;
    }

    /** A reader with SPEC §5's default depth of unit paths. */
    public CanonicalEventReader(Set<EventType> accepted, String serviceName) {
        this(accepted, serviceName, TextRules.DEFAULT_MAX_ORG_UNITS);
    }

    /** The validated event, or the reasons it is refused. */
    public Result read(JsonNode node) {
        Fields fields = new Fields(node, maxOrgUnits);
        if (!node.isObject()) {
            return Result.refused(List.of(Violation.of(null, Code.MALFORMED, "an event must be a JSON object")));
        }
        String typeName = fields.requiredText("type", MAX_ID_LENGTH);
        if (typeName == null) {
            return Result.refused(fields.violations);
        }
        EventType type = EventType.byCanonicalName(typeName).orElse(null);
        if (type == null) {
            fields.add("type", Code.UNKNOWN_TYPE, "unknown event type '" + typeName + "'; expected one of "
                    + names(EventType.values()));
            return Result.refused(fields.violations);
        }
        if (!accepted.contains(type)) {
            fields.add("type", Code.NOT_ACCEPTED_HERE, "the " + serviceName + " service does not accept " + typeName
                    + " (it accepts " + names(accepted.toArray(EventType[]::new)) + "); send it to the "
                    + type.service().name().toLowerCase() + " service");
            return Result.refused(fields.violations);
        }
        String eventId = fields.requiredText("eventId", MAX_ID_LENGTH);
        String employeeId = null;
        if (type.hasEmployee()) {
            employeeId = fields.requiredText("employeeId", MAX_ID_LENGTH);
        } else if (fields.present("employeeId")) {
            fields.add("employeeId", Code.NOT_ALLOWED, typeName + " has no employee; leave employeeId out");
        }
        LocalDate effectiveDate = fields.requiredDate("effectiveDate");
        Instant recordedAt = fields.optionalInstant("recordedAt");
        String source = fields.optionalText("source", MAX_ID_LENGTH);
        Set<String> allowed = new LinkedHashSet<>(COMMON_FIELDS);
        SpecificRecord payload = payload(type, fields, allowed);
        fields.refuseUnknown(allowed, typeName);
        if (!fields.violations.isEmpty()) {
            return Result.refused(fields.violations);
        }
        return Result.valid(new ValidatedEvent(type, eventId, employeeId, effectiveDate, recordedAt, source, payload));
    }

    private static SpecificRecord payload(EventType type, Fields fields, Set<String> allowed) {
        switch (type) {
            case EMPLOYEE_HIRED -> {
                allowed.add("position");
                return Payloads.employeeHired(fields.position("position"));
            }
            case EMPLOYEE_TRANSFERRED -> {
                allowed.add("position");
                return Payloads.employeeTransferred(fields.position("position"));
            }
            case EMPLOYEE_SEPARATED -> {
                allowed.add("reason");
                return Payloads.employeeSeparated(fields.requiredEnum("reason", SeparationReason.class));
            }
            case SELF_IDENTIFICATION_SUBMITTED -> {
                allowed.addAll(List.of("status", "indigenousIdentities", "raceCategories"));
                SelfIdentificationStatus status = fields.requiredEnum("status", SelfIdentificationStatus.class);
                List<IndigenousIdentity> indigenous = fields.enumArray("indigenousIdentities", IndigenousIdentity.class);
                List<RaceCategory> race = fields.enumArray("raceCategories", RaceCategory.class);
                if (status == SelfIdentificationStatus.RESPONDED && indigenous.isEmpty() && race.isEmpty()
                        && fields.arraysReadable("indigenousIdentities", "raceCategories")) {
                    fields.add("status", Code.INCONSISTENT, "RESPONDED needs at least one of indigenousIdentities"
                            + " or raceCategories; use PREFER_NOT_TO_ANSWER for a response without identities");
                }
                if (status == SelfIdentificationStatus.PREFER_NOT_TO_ANSWER && (!indigenous.isEmpty() || !race.isEmpty())) {
                    fields.add("status", Code.INCONSISTENT, "PREFER_NOT_TO_ANSWER carries no identities; "
                            + "leave indigenousIdentities and raceCategories empty or use RESPONDED");
                }
                return Payloads.selfIdentificationSubmitted(status, indigenous, race);
            }
            case SELF_IDENTIFICATION_WITHDRAWN -> {
                return Payloads.selfIdentificationWithdrawn();
            }
            case PROMOTION_COMPETITION_OPENED -> {
                allowed.addAll(List.of("competitionId", "position"));
                return Payloads.promotionCompetitionOpened(fields.requiredText("competitionId", MAX_ID_LENGTH),
                        fields.position("position"));
            }
            case PROMOTION_APPLICATION_SUBMITTED -> {
                allowed.add("competitionId");
                return Payloads.promotionApplicationSubmitted(fields.requiredText("competitionId", MAX_ID_LENGTH));
            }
            case PROMOTION_CANDIDATE_SHORTLISTED -> {
                allowed.add("competitionId");
                return Payloads.promotionCandidateShortlisted(fields.requiredText("competitionId", MAX_ID_LENGTH));
            }
            case EMPLOYEE_PROMOTED -> {
                allowed.addAll(List.of("position", "competitionId"));
                return Payloads.employeePromoted(fields.position("position"),
                        fields.optionalText("competitionId", MAX_ID_LENGTH));
            }
            case MENTORSHIP_ENROLLED -> {
                allowed.addAll(List.of("programId", "role"));
                return Payloads.mentorshipEnrolled(fields.requiredText("programId", MAX_ID_LENGTH),
                        fields.requiredEnum("role", MentorshipRole.class));
            }
            case MENTORSHIP_COMPLETED -> {
                allowed.add("programId");
                return Payloads.mentorshipCompleted(fields.requiredText("programId", MAX_ID_LENGTH));
            }
            case MENTORSHIP_WITHDRAWN -> {
                allowed.add("programId");
                return Payloads.mentorshipWithdrawn(fields.requiredText("programId", MAX_ID_LENGTH));
            }
            case WORKING_GROUP_APPOINTED -> {
                allowed.addAll(List.of("workingGroupId", "workingGroupName", "role"));
                return Payloads.workingGroupAppointed(fields.requiredText("workingGroupId", MAX_ID_LENGTH),
                        fields.requiredText("workingGroupName", MAX_TEXT_LENGTH),
                        fields.requiredEnum("role", WorkingGroupRole.class));
            }
            case WORKING_GROUP_APPOINTMENT_ENDED -> {
                allowed.add("workingGroupId");
                return Payloads.workingGroupAppointmentEnded(fields.requiredText("workingGroupId", MAX_ID_LENGTH));
            }
            default -> throw new IllegalStateException("unhandled event type " + type);
        }
    }

    private static String names(EventType[] types) {
        return Arrays.stream(types).map(EventType::canonicalName).sorted().collect(Collectors.joining(", "));
    }

    /** The outcome of reading one event: exactly one of {@code event} and {@code violations} is set. */
    public record Result(ValidatedEvent event, List<Violation> violations) {

        static Result valid(ValidatedEvent event) {
            return new Result(event, List.of());
        }

        static Result refused(List<Violation> violations) {
            return new Result(null, List.copyOf(violations));
        }

        public boolean isValid() {
            return event != null;
        }
    }

    /** Field access that records a violation instead of failing, so every problem is reported at once. */
    private static final class Fields {

        private final JsonNode node;
        private final String prefix;
        private final List<Violation> violations;
        private final int maxOrgUnits;

        Fields(JsonNode node, int maxOrgUnits) {
            this(node, "", new ArrayList<>(), maxOrgUnits);
        }

        private Fields(JsonNode node, String prefix, List<Violation> violations, int maxOrgUnits) {
            this.node = node;
            this.prefix = prefix;
            this.violations = violations;
            this.maxOrgUnits = maxOrgUnits;
        }

        void add(String field, Code code, String reason) {
            violations.add(Violation.of(prefix + field, code, reason));
        }

        boolean present(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull();
        }

        String requiredText(String field, int maxLength) {
            if (!present(field)) {
                add(field, Code.REQUIRED, field + " is required");
                return null;
            }
            return text(field, maxLength);
        }

        String optionalText(String field, int maxLength) {
            return present(field) ? text(field, maxLength) : null;
        }

        private String text(String field, int maxLength) {
            JsonNode value = node.get(field);
            if (!value.isString()) {
                add(field, Code.MALFORMED, field + " must be a string, got " + describe(value));
                return null;
            }
            String text = value.stringValue().strip();
            if (text.isEmpty()) {
                add(field, Code.REQUIRED, field + " must not be blank");
                return null;
            }
            if (text.length() > maxLength) {
                add(field, Code.TOO_LONG, field + " is " + text.length() + " characters; at most " + maxLength);
                return null;
            }
            if (text.chars().anyMatch(Character::isISOControl)) {
                add(field, Code.MALFORMED, field + " must not contain control characters");
                return null;
            }
            OptionalInt formatting = TextRules.invisibleFormatting(text);
            if (formatting.isPresent()) {
                add(field, Code.MALFORMED, field + " must not contain invisible formatting characters such as "
                        + TextRules.codePoint(formatting.getAsInt()) + " (they make a name read as another)");
                return null;
            }
            return text;
        }

        LocalDate requiredDate(String field) {
            String text = requiredText(field, 10);
            if (text == null) {
                return null;
            }
            if (!ISO_DATE.matcher(text).matches()) {
                add(field, Code.MALFORMED, field + " '" + text + "' is not an ISO date (YYYY-MM-DD)");
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                add(field, Code.IMPOSSIBLE_DATE, field + " '" + text + "' is not a date that exists");
                return null;
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                add(field, Code.OUT_OF_RANGE, field + " " + text + " is outside " + EARLIEST + " to " + LATEST);
                return null;
            }
            return date;
        }

        Instant optionalInstant(String field) {
            String text = optionalText(field, 64);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                add(field, Code.MALFORMED, field + " '" + text + "' is not an ISO-8601 instant with an offset, "
                        + "e.g. 2025-03-01T09:00:00Z");
                return null;
            }
        }

        <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
            String text = requiredText(field, MAX_ID_LENGTH);
            return text == null ? null : enumValue(field, text, type);
        }

        private <E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return constant;
                }
            }
            add(field, Code.UNKNOWN_VALUE, "unknown " + field + " '" + text + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
            return null;
        }

        /** An optional array of enum symbols; duplicates are folded. */
        <E extends Enum<E>> List<E> enumArray(String field, Class<E> type) {
            if (!present(field)) {
                return List.of();
            }
            JsonNode value = node.get(field);
            if (!value.isArray()) {
                add(field, Code.MALFORMED, field + " must be an array of strings, got " + describe(value));
                return List.of();
            }
            Set<E> symbols = new LinkedHashSet<>();
            int index = 0;
            for (JsonNode element : value) {
                String elementField = field + "[" + index++ + "]";
                if (!element.isString()) {
                    add(elementField, Code.MALFORMED, elementField + " must be a string, got " + describe(element));
                    continue;
                }
                E symbol = enumValue(field, element.stringValue().strip(), type);
                if (symbol != null) {
                    symbols.add(symbol);
                }
            }
            return List.copyOf(symbols);
        }

        boolean arraysReadable(String... fields) {
            return violations.stream().noneMatch(v -> Arrays.stream(fields)
                    .anyMatch(f -> v.field() != null && v.field().startsWith(prefix + f)));
        }

        Position position(String field) {
            if (!present(field)) {
                add(field, Code.REQUIRED, field + " is required");
                return null;
            }
            JsonNode value = node.get(field);
            if (!value.isObject()) {
                add(field, Code.MALFORMED, field + " must be an object with " + POSITION_FIELDS + ", got "
                        + describe(value));
                return null;
            }
            Fields position = new Fields(value, prefix + field + ".", violations, maxOrgUnits);
            int before = violations.size();
            String jobCode = position.requiredText("jobCode", MAX_ID_LENGTH);
            String jobTitle = position.requiredText("jobTitle", MAX_TEXT_LENGTH);
            Level level = position.requiredEnum("level", Level.class);
            String orgUnitPath = position.requiredText("orgUnitPath", MAX_TEXT_LENGTH);
            if (orgUnitPath != null && Arrays.stream(orgUnitPath.split("/", -1)).anyMatch(part -> part.isBlank())) {
                position.add("orgUnitPath", Code.MALFORMED, "orgUnitPath '" + orgUnitPath + "' has an empty unit; "
                        + "write units separated by single '/', from the top, e.g. City/Public Safety/Calgary Police Service");
            } else if (orgUnitPath != null && TextRules.orgUnits(orgUnitPath) > maxOrgUnits) {
                position.add("orgUnitPath", Code.TOO_LONG, "orgUnitPath has " + TextRules.orgUnits(orgUnitPath)
                        + " units; at most " + maxOrgUnits + " (every unit is a published scope)");
            }
            String serviceLine = position.requiredText("serviceLine", MAX_ID_LENGTH);
            if (serviceLine != null && !SERVICE_LINE.matcher(serviceLine).matches()) {
                position.add("serviceLine", Code.MALFORMED, "serviceLine '" + serviceLine + "' must be an upper-case "
                        + "code such as POLICE or EMERGENCY_COMMUNICATIONS");
            }
            position.refuseUnknown(Set.copyOf(POSITION_FIELDS), "position");
            if (violations.size() > before) {
                return null;
            }
            return new Position(jobCode, jobTitle, level, orgUnitPath, serviceLine);
        }

        void refuseUnknown(Set<String> allowed, String what) {
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    add(name, Code.UNKNOWN_FIELD, "unknown field '" + name + "' for " + what + "; allowed: "
                            + allowed);
                }
            }
        }

        private static String describe(JsonNode value) {
            return value.getNodeType().name().toLowerCase();
        }
    }
}
