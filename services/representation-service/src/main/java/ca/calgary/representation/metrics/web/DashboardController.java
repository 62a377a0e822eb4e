package ca.calgary.representation.metrics.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.alerts.Finding;
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
 * What the leadership dashboard needs besides the metrics APIs: the open findings (read only, as the alert service
 * published them: aggregates only) with their live changes, and the settings that decide how figures are shown.
 */
@RestController
@RequestMapping("/v1/dashboard")
@Tag(name = "Dashboard", description = "Open findings and display settings for the leadership dashboard")
class DashboardController {

    private final StreamsLifecycle<RepresentationStreams> streams;
    private final TopicFeed<Finding> findings;
    private final RepresentationProperties properties;

    DashboardController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<Finding> findings,
                        RepresentationProperties properties) {
        this.streams = streams;
        this.findings = findings;
        this.properties = properties;
    }

    /**
     * How the dashboard shows figures: k (a suppressed count is shown as "&lt;k"), the public-safety lines, and the
     * headline cells it opens on.
     */
    record DisplaySettings(int minCellSize, List<String> publicSafetyServiceLines, List<Headline> headlines) {
    }

    /** One row of headline tiles: a (scope, tier) the framework asks about, one tile per equity group. */
    record Headline(String title, String scope, String tier, List<String> groups) {
        static final List<String> EQUITY_GROUPS = List.of("INDIGENOUS", "BLACK", "RACIALIZED",
                "INDIGENOUS_BLACK_RACIALIZED");
    }

    /**
     * Focus area 3's two questions (SPEC §5): the equity groups in leadership across the organisation, and in
     * public-safety senior roles (PUBLIC_SAFETY × MANAGEMENT).
     */
    static final List<Headline> HEADLINES = List.of(
            new Headline("Leadership across the organisation", "ORG", "LEADERSHIP", Headline.EQUITY_GROUPS),
            new Headline("Public-safety senior roles", "PUBLIC_SAFETY", "MANAGEMENT", Headline.EQUITY_GROUPS));

    @Operation(summary = "Display settings: the small-cell threshold k, the public-safety service lines and the "
            + "headline cells")
    @GetMapping("/settings")
    DisplaySettings settings() {
        return new DisplaySettings(properties.minCellSize(), properties.publicSafetyServiceLines(), HEADLINES);
    }

    @Operation(summary = "The open findings (OPEN or UPDATED), highest priority first, as the alert service "
            + "published them", description = "Each finding with its head alert and the cells beneath it (SPEC §8).")
    @GetMapping("/findings")
    List<Map<String, Object>> openFindings() {
        RepresentationStreams running = streams.streams().orElseThrow(() -> new MetricsUnavailableException(
                "the representation topology is not running yet"));
        List<Finding> open = new ArrayList<>();
        try (KeyValueIterator<String, Finding> all = running.findings().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && !"RESOLVED".equals(entry.value.getStatus())) {
                    open.add(entry.value);
                }
            });
        }
        open.sort(Comparator.comparingDouble(Finding::getPriority).reversed().thenComparing(Finding::getFindingId));
        return open.stream().map(AvroViews::view).toList();
    }

    @Operation(summary = "Live finding changes (server-sent events 'finding')")
    @GetMapping(path = "/findings/stream", produces = "text/event-stream")
    SseEmitter findingStream() {
        return findings.subscribe("finding", finding -> true, AvroViews::view);
    }
}
