package ca.calgary.representation.metrics.web;

import java.util.List;
import java.util.Map;

import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Quarter-end snapshots of the representation figures (SPEC §7): the trend of a cell over quarters. */
@RestController
@RequestMapping("/v1/snapshots")
@Tag(name = "Snapshots", description = "The representation figures of every cell as of each quarter's last day, "
        + "restated when late events change them (SPEC §7, §9)")
class SnapshotsController {

    private final PublishedTable<RepresentationSnapshot> table;

    SnapshotsController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<RepresentationSnapshot> feed) {
        this.table = new PublishedTable<>(streams, RepresentationStreams::snapshots, feed, "snapshot",
                RepresentationSnapshot.getClassSchema());
    }

    private static RecordQuery query(String quarter, String scope, String scopePrefix, String tier, String group) {
        return new RecordQuery().quarter(quarter).scope(scope, scopePrefix).tier(tier).group(group);
    }

    @Operation(summary = "Snapshots that match the filters, in quarter order", description = "With scope, tier and "
            + "group given, the trend of one cell.")
    @GetMapping
    List<Map<String, Object>> snapshots(
            @Parameter(description = "a quarter such as 2024-Q1") @RequestParam(required = false) String quarter,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String scopePrefix,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String group) {
        return table.find(query(quarter, scope, scopePrefix, tier, group));
    }

    @Operation(summary = "The matching snapshots as CSV")
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String quarter,
                               @RequestParam(required = false) String scope,
                               @RequestParam(required = false) String scopePrefix,
                               @RequestParam(required = false) String tier,
                               @RequestParam(required = false) String group) {
        return table.csv(query(quarter, scope, scopePrefix, tier, group), "snapshots.csv");
    }

    @Operation(summary = "Live stream of changed snapshots (server-sent events)", description = "Events named "
            + "'snapshot', and 'snapshot-removed' with the key of a snapshot that is gone.")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String quarter,
                      @RequestParam(required = false) String scope,
                      @RequestParam(required = false) String scopePrefix,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String group) {
        return table.stream(query(quarter, scope, scopePrefix, tier, group));
    }
}
