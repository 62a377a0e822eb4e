package ca.calgary.representation.ingest.core;

/**
 * Why an input was refused.
 *
 * @param item   where in a batch or file: the 0-based index of a JSON batch element, or the 1-based CSV line; null
 *               for a single event
 * @param field  the field (dotted path, e.g. {@code position.level}, or a CSV column); null for the whole item
 * @param code   a short machine-readable reason, also the metrics tag
 * @param reason a sentence a person at the HR system can act on
 */
public record Violation(Integer item, String field, Code code, String reason) {

    /** Machine-readable reasons. */
    public enum Code {
        REQUIRED, MALFORMED, IMPOSSIBLE_DATE, OUT_OF_RANGE, UNKNOWN_VALUE, UNKNOWN_FIELD, UNKNOWN_TYPE, NOT_ACCEPTED_HERE,
        NOT_ALLOWED, INCONSISTENT, TOO_LONG, DUPLICATE_IN_BATCH, CONFLICTING_EVENT_ID, UNPARSABLE;

        public String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public static Violation of(String field, Code code, String reason) {
        return new Violation(null, field, code, reason);
    }

    public Violation at(int itemNumber) {
        return new Violation(itemNumber, field, code, reason);
    }

    public Violation withField(String newField) {
        return new Violation(item, newField, code, reason);
    }
}
