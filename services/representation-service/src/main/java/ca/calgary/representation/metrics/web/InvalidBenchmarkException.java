package ca.calgary.representation.metrics.web;

/** A benchmark change breaks a rule; the field names which. */
public class InvalidBenchmarkException extends RuntimeException {

    private final String field;

    public InvalidBenchmarkException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
