package ca.calgary.representation.alerts.web;

/** The topology is not running yet (starting, or waiting for Kafka). */
class AlertsUnavailableException extends RuntimeException {

    AlertsUnavailableException(String message) {
        super(message);
    }
}
