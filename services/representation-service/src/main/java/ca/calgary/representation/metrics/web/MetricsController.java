package ca.calgary.representation.metrics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Leadership's read side: the latest figures of every cell (aggregates only, suppression applied), the scopes, a
 * CSV export and a live stream of changes. Every instance answers every read from its own copy of the metrics topic.
 */
@RestController
@RequestMapping("/v1/representation")
@Tag(name = "Representation", description = "Representation figures per scope, tier and group (SPEC §6, §9)")
class MetricsController {

    private final StreamsLifecycle<RepresentationStreams> streams;
    private final TopicFeed<RepresentationFigures> feed;

    MetricsController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<RepresentationFigures> feed) {
        this.streams = streams;
        this.feed = feed;
    }

    @Operation(summary = "Figures of the cells that match the filters", description = "Suppressed cells carry "
            + "suppressed=true and no count or derived figure.")
    @GetMapping
    List<CellView> cells(
            @Parameter(description = "exact scope, e.g. PUBLIC_SAFETY or UNIT:City/Public Safety")
            @RequestParam(required = false) String scope,
            @Parameter(description = "scope prefix, e.g. UNIT:City/Public Safety/ for a unit and everything under it")
            @RequestParam(required = false) String scopePrefix,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String group) {
        return matching(new CellFilter(scope, scopePrefix, tier, group));
    }

    @Operation(summary = "Every scope with figures, and its tiers")
    @GetMapping("/scopes")
    Map<String, Set<String>> scopes() {
        Map<String, Set<String>> scopes = new TreeMap<>();
        for (CellView cell : matching(new CellFilter(null, null, null, null))) {
            scopes.computeIfAbsent(cell.scope(), s -> new TreeSet<>()).add(cell.tier());
        }
        return scopes;
    }

    /** Data-quality counts (SPEC §4) and dead-lettered input events by reason. */
    record DataQualityView(java.time.LocalDate asOf, long unexplainedEvents, long employeesWithUnexplainedEvents,
                           Map<String, Long> deadLetters) {
    }

    @Operation(summary = "Data quality: events that could not apply because the employee was not active at their "
            + "date, and input events not applied (dead letters) by reason",
            description = "Unexplained events count nowhere until a (late) hire explains them. Dead letters "
                    + "(UNDECODABLE, TYPE_MISMATCH, KEY_MISMATCH) are on metrics.dead-letters with their source "
                    + "offset.")
    @GetMapping("/data-quality")
    DataQualityView dataQuality() {
        RepresentationStreams running = streams.streams().orElseThrow(() -> new MetricsUnavailableException(
                "the representation topology is not running yet"));
        return running.dataQuality()
                .map(q -> new DataQualityView(q.getAsOf(), q.getUnexplainedEvents(),
                        q.getEmployeesWithUnexplainedEvents(), Map.copyOf(q.getDeadLetters())))
                .orElse(new DataQualityView(null, 0, 0, Map.of()));
    }

    @Operation(summary = "The matching cells as CSV", description = "Columns: " + CsvExport.HEADER)
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String scope,
                               @RequestParam(required = false) String scopePrefix,
                               @RequestParam(required = false) String tier,
                               @RequestParam(required = false) String group) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"representation.csv\"")
                .body(CsvExport.csv(matching(new CellFilter(scope, scopePrefix, tier, group))));
    }

    @Operation(summary = "Live stream of changed cells (server-sent events)", description = "Events named 'cell' "
            + "carry a cell's new figures; 'cell-removed' the id of a cell that has no headcount any more.")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String scope,
                      @RequestParam(required = false) String scopePrefix,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String group) {
        CellFilter filter = new CellFilter(scope, scopePrefix, tier, group);
        return feed.subscribe("cell", figures -> filter.matches(figures.getScope(), figures.getTier(),
                figures.getGroup()), CellView::of);
    }

    private List<CellView> matching(CellFilter filter) {
        return CellView.matching(streams, filter);
    }
}
