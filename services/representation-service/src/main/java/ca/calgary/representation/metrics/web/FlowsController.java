package ca.calgary.representation.metrics.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ca.calgary.representation.metrics.FlowFigures;
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

/** Leadership's read side of the flow metrics (SPEC §7): per period, scope, tier and group. */
@RestController
@RequestMapping("/v1/flows")
@Tag(name = "Flows", description = "Hires, promotions, separations and mentorship per quarter and rolling 12 months, "
        + "with rates, adverse-impact ratios and Fisher exact p-values (SPEC §7, §9)")
class FlowsController {

    private final PublishedTable<FlowFigures> table;

    FlowsController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<FlowFigures> feed) {
        this.table = new PublishedTable<>(streams, RepresentationStreams::flows, feed, "flow",
                FlowFigures.getClassSchema());
    }

    private static RecordQuery query(String period, String periodKind, String scope, String scopePrefix, String tier,
                                     String group) {
        return new RecordQuery().period(period).periodKind(periodKind).scope(scope, scopePrefix).tier(tier)
                .group(group);
    }

    @Operation(summary = "Flow figures that match the filters, in period order", description = "A suppressed count "
            + "is null and named in 'suppressed'; figures derived from it are null too. 'revision' grows when a late "
            + "or backdated event restates the period. Every figure of a period, scope and tier stays as released on "
            + "'releasedOn' until at least the release threshold of people (default k) have changed in it since, the "
            + "period in progress included, so a change never names the person who changed (SPEC §9).")
    @GetMapping
    List<Map<String, Object>> flows(
            @Parameter(description = "2024-Q1 (a quarter) or R12M-2024-Q1 (the 12 months ending with it)")
            @RequestParam(required = false) String period,
            @Parameter(description = "QUARTER or ROLLING_12_MONTHS") @RequestParam(required = false) String periodKind,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String scopePrefix,
            @RequestParam(required = false) String tier,
            @RequestParam(required = false) String group) {
        return table.find(query(period, periodKind, scope, scopePrefix, tier, group));
    }

    @Operation(summary = "The periods with flow figures")
    @GetMapping("/periods")
    Set<String> periods() {
        Set<String> periods = new TreeSet<>();
        table.records(new RecordQuery().scope("ORG", null).group("TOTAL"))
                .forEach(figures -> periods.add(figures.getPeriod()));
        return periods;
    }

    @Operation(summary = "The matching flow figures as CSV", description = "One column per field of FlowFigures.")
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String period,
                               @RequestParam(required = false) String periodKind,
                               @RequestParam(required = false) String scope,
                               @RequestParam(required = false) String scopePrefix,
                               @RequestParam(required = false) String tier,
                               @RequestParam(required = false) String group) {
        return table.csv(query(period, periodKind, scope, scopePrefix, tier, group), "flows.csv");
    }

    @Operation(summary = "Live stream of changed flow figures (server-sent events)", description = "Events named "
            + "'flow' carry a record's new figures; 'flow-removed' the key of a record that is gone.")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String period,
                      @RequestParam(required = false) String periodKind,
                      @RequestParam(required = false) String scope,
                      @RequestParam(required = false) String scopePrefix,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String group) {
        return table.stream(query(period, periodKind, scope, scopePrefix, tier, group));
    }
}
