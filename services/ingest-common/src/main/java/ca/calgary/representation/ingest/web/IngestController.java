package ca.calgary.representation.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ca.calgary.representation.ingest.core.BatchValidator;
import ca.calgary.representation.ingest.core.CsvLayout;
import ca.calgary.representation.support.CsvReader;
import ca.calgary.representation.ingest.core.EventType;
import ca.calgary.representation.ingest.core.Violation;
import ca.calgary.representation.ingest.web.RefusedInputException.ItemNumbering;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HR publishers' API: canonical JSON events one at a time or in batches (JSON array or NDJSON), and CSV files
 * per event type. A batch or file is all-or-nothing. "Accepted" (202) means every event is in Kafka.
 */
@RestController
@RequestMapping("/v1")
@Tag(name = "Events", description = "Publish HR events (canonical JSON of SPEC §3, or CSV per event type)")
class IngestController {

    static final String NDJSON = "application/x-ndjson";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IngestProperties properties;
    private final BatchValidator validator;
    private final EventIntake intake;
    private final IngestMetrics metrics;
    private final JsonMapper json = JsonMapper.builder().build();

    IngestController(IngestProperties properties, BatchValidator validator, EventIntake intake, IngestMetrics metrics) {
        this.properties = properties;
        this.validator = validator;
        this.intake = intake;
        this.metrics = metrics;
    }

    @Operation(summary = "Publish one event", description = "The body is one event in canonical JSON. 202 once it is "
            + "in Kafka; a repeat of an accepted eventId with the same content is reported as DUPLICATE.")
    @ApiResponse(responseCode = "202", description = "accepted: durably in Kafka")
    @ApiResponse(responseCode = "400", description = "not JSON", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "a field breaks a rule: `errors` names field and reason",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "eventId already accepted with different content",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka or the registry unavailable: retry after Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IngestReceipt> publishOne(
            @RequestBody(content = @Content(examples = @ExampleObject(value = """
                    {"type":"EmployeeHired","eventId":"hr-000123","employeeId":"E001","effectiveDate":"2025-03-01",
                     "recordedAt":"2025-03-01T09:00:00Z","source":"sap-hr","position":{"jobCode":"POL-SUP",
                     "jobTitle":"Sergeant","level":"SUPERVISOR","orgUnitPath":"City/Public Safety/Calgary Police Service/Patrol",
                     "serviceLine":"POLICE"}}"""))) InputStream body,
            @Parameter(description = "optional key making a retried request safe") @RequestHeader(name = IDEMPOTENCY_KEY,
                    required = false) String idempotencyKey,
            Authentication caller) throws IOException {
        byte[] bytes = readBounded(body);
        JsonNode event = parseJson(bytes);
        if (!event.isObject()) {
            throw malformed("the body must be one JSON object; send arrays to /v1/events/batch");
        }
        return accept(List.of(new BatchValidator.Item(0, event)), List.of(), ItemNumbering.NONE, bytes,
                idempotencyKey, caller, false);
    }

    @Operation(summary = "Publish a batch of events, all or nothing", description = "A JSON array of events, or NDJSON "
            + "(one event per line, like events.jsonl). If any event is invalid nothing is accepted and every problem "
            + "is listed with its index (JSON) or line (NDJSON).")
    @ApiResponse(responseCode = "202", description = "every event is in Kafka")
    @ApiResponse(responseCode = "413", description = "more events or bytes than allowed",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/events/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    ResponseEntity<IngestReceipt> publishBatch(
            InputStream body,
            @RequestHeader(name = "Content-Type") String contentType,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication caller) throws IOException {
        byte[] bytes = readBounded(body);
        List<BatchValidator.Item> items = new ArrayList<>();
        List<Violation> unparsable = new ArrayList<>();
        ItemNumbering numbering;
        if (contentType.startsWith(NDJSON)) {
            numbering = ItemNumbering.LINE;
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    items.add(new BatchValidator.Item(i + 1, json.readTree(lines[i])));
                } catch (JacksonException e) {
                    unparsable.add(new Violation(i + 1, null, Violation.Code.UNPARSABLE, "not a JSON object: "
                            + e.getOriginalMessage()));
                }
            }
        } else {
            numbering = ItemNumbering.INDEX;
            JsonNode array = parseJson(bytes);
            if (!array.isArray()) {
                throw malformed("a batch is a JSON array of events (or NDJSON with Content-Type " + NDJSON + ")");
            }
            int index = 0;
            for (JsonNode element : array) {
                items.add(new BatchValidator.Item(index++, element));
            }
        }
        return accept(items, unparsable, numbering, bytes, idempotencyKey, caller, false);
    }

    @Operation(summary = "Publish a CSV file of one event type, all or nothing", description = "The body is CSV "
            + "(RFC 4180) with a header row naming the columns of the type's layout (GET /v1/event-types). Problems "
            + "are reported by line and column.")
    @PostMapping(path = "/events/{type}/csv", consumes = "text/csv")
    ResponseEntity<IngestReceipt> publishCsv(
            @Parameter(description = "event type, e.g. EmployeeHired") @PathVariable("type") String type,
            InputStream body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication caller) throws IOException {
        return acceptCsv(type, readBounded(body), idempotencyKey, caller);
    }

    @Operation(summary = "Upload a CSV file of one event type, all or nothing", description = "As the text/csv form, "
            + "with the file in the multipart part named 'file'.")
    @PostMapping(path = "/events/{type}/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<IngestReceipt> uploadCsv(
            @PathVariable("type") String type,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication caller) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return acceptCsv(type, readBounded(in), idempotencyKey, caller);
        }
    }

    @Operation(summary = "The event types this service accepts, with their CSV columns")
    @GetMapping("/event-types")
    List<EventTypeDescription> eventTypes() {
        return properties.service().eventTypes().stream()
                .map(type -> new EventTypeDescription(type.canonicalName(), type.topic().topicName(),
                        CsvLayout.of(type).columns()))
                .toList();
    }

    /** An accepted event type and its CSV layout. */
    record EventTypeDescription(String type, String topic, List<CsvLayout.Column> csvColumns) {
    }

    private ResponseEntity<IngestReceipt> acceptCsv(String typeName, byte[] bytes, String idempotencyKey,
                                                    Authentication caller) {
        EventType type = EventType.byCanonicalName(typeName)
                .filter(t -> properties.service().eventTypes().contains(t))
                .orElseThrow(() -> new RefusedInputException(HttpStatus.NOT_FOUND, ProblemTypes.UNKNOWN_EVENT_TYPE,
                        "Unknown event type", "the " + properties.serviceName() + " service has no CSV import for '"
                        + typeName + "'; it accepts " + properties.service().eventTypes(), List.of(),
                        ItemNumbering.NONE));
        CsvLayout layout = CsvLayout.of(type);
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (CsvReader.MalformedCsvException e) {
            throw new RefusedInputException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed CSV",
                    "the file is not valid CSV; nothing was accepted", List.of(new Violation(e.line(), null,
                    Violation.Code.UNPARSABLE, e.getMessage())), ItemNumbering.LINE);
        }
        if (rows.isEmpty()) {
            throw malformed("the CSV file is empty: it needs a header row with the columns " + layout.columnNames());
        }
        CsvReader.Row header = rows.get(0);
        List<Violation> headerProblems = layout.checkHeader(header);
        if (!headerProblems.isEmpty()) {
            throw new RefusedInputException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed CSV",
                    "the header row does not match the " + type + " layout " + layout.columnNames()
                    + "; nothing was accepted", headerProblems, ItemNumbering.LINE);
        }
        List<BatchValidator.Item> items = new ArrayList<>();
        List<Violation> unparsable = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            try {
                items.add(new BatchValidator.Item(row.line(), layout.toCanonicalJson(header, row)));
            } catch (IllegalArgumentException e) {
                unparsable.add(new Violation(row.line(), null, Violation.Code.UNPARSABLE, e.getMessage()));
            }
        }
        return accept(items, unparsable, ItemNumbering.LINE, bytes, idempotencyKey, caller, true);
    }

    private ResponseEntity<IngestReceipt> accept(List<BatchValidator.Item> items, List<Violation> unparsable,
                                                 ItemNumbering numbering, byte[] bytes, String idempotencyKey,
                                                 Authentication caller, boolean csvColumns) {
        if (items.size() + unparsable.size() > properties.maxBatchEvents()) {
            throw new RefusedInputException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Too many events", (items.size() + unparsable.size()) + " events in one request; at most "
                    + properties.maxBatchEvents() + " (split the batch or file)", List.of(), ItemNumbering.NONE);
        }
        if (items.isEmpty() && unparsable.isEmpty()) {
            throw malformed("the request holds no events");
        }
        BatchValidator.Result result = validator.validate(items, unparsable);
        // A single event's violations carry no item number: its problem lists fields only.
        if (!result.isValid()) {
            List<Violation> violations = csvColumns ? result.violations().stream()
                    .map(v -> v.withField(CsvLayout.columnOf(v.field()))).toList() : result.violations();
            violations.forEach(v -> metrics.rejected(typeOf(items, v.item()), v.code().tag()));
            boolean syntax = violations.stream().anyMatch(v -> v.code() == Violation.Code.UNPARSABLE);
            String detail = countItems(violations) + " of " + (items.size() + unparsable.size())
                    + " event(s) are invalid; nothing was accepted"
                    + (numbering == ItemNumbering.NONE ? "" : " (a batch or file is all-or-nothing)");
            throw new RefusedInputException(syntax ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT,
                    syntax ? ProblemTypes.MALFORMED_BODY : ProblemTypes.INVALID_EVENTS,
                    syntax ? "Malformed input" : "Invalid events", detail, violations, numbering);
        }
        IngestReceipt receipt = intake.accept(result.events(), result.repeats(), caller.getName(),
                Optional.ofNullable(idempotencyKey).filter(key -> !key.isBlank()), bytes);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
    }

    private static String typeOf(List<BatchValidator.Item> items, Integer item) {
        return items.stream().filter(i -> item != null && i.number() == item).findFirst()
                .map(i -> i.json().path("type"))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue)
                .flatMap(EventType::byCanonicalName)
                .map(EventType::canonicalName)
                .orElse("unknown");
    }

    private static long countItems(List<Violation> violations) {
        return Math.max(1, violations.stream().map(Violation::item).distinct().count());
    }

    private JsonNode parseJson(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            throw malformed("the body is not valid JSON" + (location == null ? "" : " (line " + location.getLineNr()
                    + ", column " + location.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        }
    }

    private byte[] readBounded(InputStream body) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw new RefusedInputException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Payload too large", "the body is larger than " + properties.maxBodySize()
                    + "; split it into smaller batches or files", List.of(), ItemNumbering.NONE);
        }
        return bytes;
    }

    private static RefusedInputException malformed(String detail) {
        return new RefusedInputException(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed input",
                detail + "; nothing was accepted", List.of(), ItemNumbering.NONE);
    }

}
