package ca.calgary.representation.serde;

/**
 * A registry call failed. {@link #status()} is the HTTP status (0 when no answer came at all) and
 * {@link #errorCode()} the Confluent error code from the body (for example 40403, schema not found), or -1.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent's error code for an unknown subject. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent's error code for a schema not registered under the subject. */
    public static final int SCHEMA_NOT_FOUND_UNDER_SUBJECT = 40403;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** No registry answered: every URL failed with an I/O error, a 5xx or a 429, through all retries. */
    public boolean isUnavailable() {
        return status == 0 || status >= 500 || status == 429;
    }
}
