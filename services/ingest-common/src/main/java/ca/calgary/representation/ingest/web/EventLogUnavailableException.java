package ca.calgary.representation.ingest.web;

/** Kafka or the schema registry did not take the events: nothing was accepted, and the caller should retry. */
public class EventLogUnavailableException extends RuntimeException {

    public EventLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
