package ca.calgary.representation.ingest.core;

import java.time.Instant;
import java.time.LocalDate;

import org.apache.avro.specific.SpecificRecord;

/**
 * A canonical event that passed every rule, still carrying the HR employeeId (it never leaves ingest).
 *
 * @param employeeId null only for {@link EventType#PROMOTION_COMPETITION_OPENED}
 * @param recordedAt null when the publisher left it out (ingest fills it)
 * @param source     null when the publisher left it out (ingest fills in the authenticated publisher)
 * @param payload    the Avro payload record ({@code EmployeeHired}, ...)
 */
public record ValidatedEvent(EventType type, String eventId, String employeeId, LocalDate effectiveDate,
                             Instant recordedAt, String source, SpecificRecord payload) {

    /** Everything the publisher said, in a fixed order: equal for equal events, whatever the JSON key order. */
    public String canonicalContent() {
        return String.join("\u001f", type.canonicalName(), eventId, String.valueOf(employeeId),
                effectiveDate.toString(), String.valueOf(recordedAt), String.valueOf(source), payload.toString());
    }
}
