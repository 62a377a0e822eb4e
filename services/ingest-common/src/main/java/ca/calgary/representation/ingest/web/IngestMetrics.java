package ca.calgary.representation.ingest.web;

import ca.calgary.representation.ingest.core.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters exported to Prometheus: {@code ingest_events_accepted_total{type}},
 * {@code ingest_events_duplicate_total{type}} and {@code ingest_events_rejected_total{type,reason}} (one per
 * violation; type {@code unknown} where the request was refused before its events could be read).
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final String service;

    IngestMetrics(MeterRegistry registry, IngestProperties properties) {
        this.registry = registry;
        this.service = properties.serviceName();
    }

    void accepted(EventType type) {
        counter("ingest.events.accepted", "type", type.canonicalName()).increment();
    }

    void duplicate(EventType type) {
        counter("ingest.events.duplicate", "type", type.canonicalName()).increment();
    }

    /** One refused event (or request, when {@code type} is unknown) and the reason. */
    void rejected(String type, String reason) {
        Counter.builder("ingest.events.rejected").tag("service", service).tag("type", type).tag("reason", reason)
                .register(registry).increment();
    }

    private Counter counter(String name, String tag, String value) {
        return Counter.builder(name).tag("service", service).tag(tag, value).register(registry);
    }
}
