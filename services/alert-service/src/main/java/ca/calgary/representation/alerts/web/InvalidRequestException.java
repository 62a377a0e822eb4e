package ca.calgary.representation.alerts.web;

/** A request breaks a rule; the field names which. A bad query parameter is a 400, a bad body a 422. */
class InvalidRequestException extends RuntimeException {

    private final String field;
    private final boolean queryParameter;

    private InvalidRequestException(String field, String message, boolean queryParameter) {
        super(message);
        this.field = field;
        this.queryParameter = queryParameter;
    }

    static InvalidRequestException query(String field, String message) {
        return new InvalidRequestException(field, message, true);
    }

    static InvalidRequestException body(String field, String message) {
        return new InvalidRequestException(field, message, false);
    }

    String field() {
        return field;
    }

    boolean queryParameter() {
        return queryParameter;
    }
}
