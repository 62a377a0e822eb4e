package ca.calgary.representation.metrics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.metrics.app.RepresentationProperties;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the leadership dashboard needs besides the metrics APIs: the open alerts (read only, as the alert service
 * published them: aggregates only) with their live changes, and the settings that decide how figures are shown.
 */
@RestController
@RequestMapping("/v1/dashboard")
@Tag(name = "Dashboard", description = "Open alerts and display settings for the leadership dashboard")
class DashboardController {

    private final StreamsLifecycle<RepresentationStreams> streams;
    private final TopicFeed<Alert> alerts;
    private final RepresentationProperties properties;

    DashboardController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<Alert> alerts,
                        RepresentationProperties properties) {
        this.streams = streams;
        this.alerts = alerts;
        this.properties = properties;
    }

    /** How the dashboard shows figures: k (a suppressed count is shown as "&lt;k"), the public-safety lines. */
    record DisplaySettings(int minCellSize, List<String> publicSafetyServiceLines) {
    }

    @Operation(summary = "Display settings: the small-cell threshold k and the public-safety service lines")
    @GetMapping("/settings")
    DisplaySettings settings() {
        return new DisplaySettings(properties.minCellSize(), properties.publicSafetyServiceLines());
    }

    @Operation(summary = "The open alerts (OPEN or UPDATED), as the alert service published them")
    @GetMapping("/alerts")
    List<Map<String, Object>> openAlerts() {
        RepresentationStreams running = streams.streams().orElseThrow(() -> new MetricsUnavailableException(
                "the representation topology is not running yet"));
        List<Map<String, Object>> open = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = running.alerts().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && !"RESOLVED".equals(entry.value.getStatus())) {
                    open.add(AvroViews.view(entry.value));
                }
            });
        }
        return open;
    }

    @Operation(summary = "Live alert changes (server-sent events 'alert')")
    @GetMapping(path = "/alerts/stream", produces = "text/event-stream")
    SseEmitter alertStream() {
        return alerts.subscribe("alert", alert -> true, AvroViews::view);
    }
}
