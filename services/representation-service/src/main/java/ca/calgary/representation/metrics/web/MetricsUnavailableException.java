package ca.calgary.representation.metrics.web;

/** The topology is not running yet (starting, rebalancing, or waiting for Kafka). */
public class MetricsUnavailableException extends RuntimeException {

    public MetricsUnavailableException(String message) {
        super(message);
    }
}
