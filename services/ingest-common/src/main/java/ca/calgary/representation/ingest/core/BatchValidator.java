package ca.calgary.representation.ingest.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.ingest.core.Violation.Code;
import tools.jackson.databind.JsonNode;

/**
 * Validates every item of a batch or file (all-or-nothing: one bad item refuses the whole batch, and every bad item
 * is reported). An eventId repeated within the batch with the same content counts once; with different content it
 * is refused.
 */
public final class BatchValidator {

    /** One item of a batch: its number (batch index or CSV line) and its canonical JSON. */
    public record Item(int number, JsonNode json) {
    }

    /**
     * @param events     the distinct valid events, in input order (empty when any item was refused)
     * @param repeats    how many items repeated an earlier item of the same batch exactly
     * @param violations every problem, each with its item number
     */
    public record Result(List<ValidatedEvent> events, int repeats, List<Violation> violations) {
        public boolean isValid() {
            return violations.isEmpty();
        }
    }

    private final CanonicalEventReader reader;

    public BatchValidator(CanonicalEventReader reader) {
        this.reader = reader;
    }

    public Result validate(List<Item> items, List<Violation> alreadyFound) {
        List<Violation> violations = new ArrayList<>(alreadyFound);
        List<ValidatedEvent> events = new ArrayList<>();
        Map<String, Item> firstById = new HashMap<>();
        Map<String, String> contentById = new HashMap<>();
        int repeats = 0;
        for (Item item : items) {
            CanonicalEventReader.Result result = reader.read(item.json());
            if (!result.isValid()) {
                result.violations().forEach(violation -> violations.add(violation.at(item.number())));
                continue;
            }
            ValidatedEvent event = result.event();
            String content = event.canonicalContent();
            String earlier = contentById.putIfAbsent(event.eventId(), content);
            if (earlier == null) {
                firstById.put(event.eventId(), item);
                events.add(event);
            } else if (earlier.equals(content)) {
                repeats++;
            } else {
                violations.add(new Violation(item.number(), "eventId", Code.CONFLICTING_EVENT_ID, "eventId '"
                        + event.eventId() + "' appears earlier in this batch (item " + firstById.get(event.eventId())
                        .number() + ") with different content; every event needs its own eventId"));
            }
        }
        return violations.isEmpty() ? new Result(List.copyOf(events), repeats, List.of())
                : new Result(List.of(), 0, List.copyOf(violations));
    }
}
