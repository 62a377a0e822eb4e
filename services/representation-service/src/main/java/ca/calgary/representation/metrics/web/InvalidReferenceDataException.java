package ca.calgary.representation.metrics.web;

/** A change of reference data (a benchmark, a goal) breaks a rule; the field names which. */
public class InvalidReferenceDataException extends RuntimeException {

    private final String kind;
    private final String field;

    /** @param kind what was changed: {@code benchmark} or {@code goal} */
    public InvalidReferenceDataException(String kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public String kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
