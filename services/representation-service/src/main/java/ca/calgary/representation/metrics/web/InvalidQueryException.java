package ca.calgary.representation.metrics.web;

/** A query parameter has a value the API does not know; the field names which. */
class InvalidQueryException extends RuntimeException {

    private final String field;

    InvalidQueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
