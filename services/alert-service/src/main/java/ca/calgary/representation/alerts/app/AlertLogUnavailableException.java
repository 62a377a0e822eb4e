package ca.calgary.representation.alerts.app;

/** Kafka (or the registry) did not take a write in time; nothing was recorded. */
public class AlertLogUnavailableException extends RuntimeException {

    public AlertLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
