package ca.calgary.representation.alerts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.app.AlertStreams;
import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.streams.StreamsLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery outcomes: what reached each subscriber, and what was dead-lettered with the reason. */
@RestController
@RequestMapping("/v1/deliveries")
@Tag(name = "Deliveries", description = "Webhook and e-mail delivery outcomes")
class DeliveriesController {

    /** HELD: transitions held for a digest while the pipeline catches up (one record per subscription and channel). */
    static final List<String> OUTCOMES = List.of("DELIVERED", "DEAD_LETTERED", "HELD");

    private final StreamsLifecycle<AlertStreams> streams;

    DeliveriesController(StreamsLifecycle<AlertStreams> streams) {
        this.streams = streams;
    }

    @Operation(summary = "Delivery outcomes that match the filters", description = "Transitions and digests "
            + "(transitionId digest@...), DELIVERED or DEAD_LETTERED; HELD while transitions wait for a digest.")
    @GetMapping
    List<Map<String, Object>> deliveries(@RequestParam(required = false) String subscriptionId,
                                         @RequestParam(required = false) String alertId,
                                         @RequestParam(required = false) String outcome) {
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            throw InvalidRequestException.query("outcome", "outcome must be one of " + OUTCOMES + ", not '"
                    + outcome + "'");
        }
        AlertStreams running = streams.streams().orElseThrow(() -> new AlertsUnavailableException(
                "the alert topology is not running yet"));
        List<Map<String, Object>> deliveries = new ArrayList<>();
        try (KeyValueIterator<String, AlertDelivery> all = running.deliveries().all()) {
            all.forEachRemaining(entry -> {
                AlertDelivery d = entry.value;
                if (d != null && (subscriptionId == null || subscriptionId.equals(d.getSubscriptionId()))
                        && (alertId == null || alertId.equals(d.getAlertId()))
                        && (outcome == null || outcome.equals(d.getOutcome()))) {
                    deliveries.add(AvroViews.view(d));
                }
            });
        }
        return deliveries;
    }
}
