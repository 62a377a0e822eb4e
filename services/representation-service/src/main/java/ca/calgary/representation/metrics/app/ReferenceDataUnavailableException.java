package ca.calgary.representation.metrics.app;

/** Kafka did not answer a benchmark read or change in time: nothing was changed, the caller may retry. */
public class ReferenceDataUnavailableException extends RuntimeException {

    public ReferenceDataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
