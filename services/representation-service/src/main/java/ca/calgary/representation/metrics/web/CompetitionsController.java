package ca.calgary.representation.metrics.web;

import java.util.List;
import java.util.Map;

import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Promotion-competition funnels (SPEC §7), per competition and rolled up per scope, tier and period. */
@RestController
@RequestMapping("/v1/competitions")
@Tag(name = "Competitions", description = "Applicants, shortlisted and promoted per group, with each stage's "
        + "selection rate and adverse-impact ratio, so a reader sees where a gap opens (SPEC §7, §9)")
class CompetitionsController {

    private final PublishedTable<CompetitionFigures> table;

    CompetitionsController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<CompetitionFigures> feed) {
        this.table = new PublishedTable<>(streams, RepresentationStreams::competitions, feed, "competition",
                CompetitionFigures.getClassSchema());
    }

    private static RecordQuery query(String competitionId, String period, String scope, String scopePrefix,
                                     String tier, String group) {
        return new RecordQuery().competitionId(competitionId).period(period).scope(scope, scopePrefix).tier(tier)
                .group(group);
    }

    @Operation(summary = "Funnels that match the filters", description = "A competition's rows carry its id; "
            + "roll-ups carry scope, tier and period instead. Suppressed stages are null and named in 'suppressed'.")
    @GetMapping
    List<Map<String, Object>> competitions(@RequestParam(required = false) String competitionId,
                                           @RequestParam(required = false) String period,
                                           @RequestParam(required = false) String scope,
                                           @RequestParam(required = false) String scopePrefix,
                                           @RequestParam(required = false) String tier,
                                           @RequestParam(required = false) String group) {
        return table.find(query(competitionId, period, scope, scopePrefix, tier, group));
    }

    @Operation(summary = "The matching funnels as CSV")
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String competitionId,
                               @RequestParam(required = false) String period,
                               @RequestParam(required = false) String scope,
                               @RequestParam(required = false) String scopePrefix,
                               @RequestParam(required = false) String tier,
                               @RequestParam(required = false) String group) {
        return table.csv(query(competitionId, period, scope, scopePrefix, tier, group), "competitions.csv");
    }

    @Operation(summary = "Live stream of changed funnels (server-sent events)", description = "Events named "
            + "'competition', and 'competition-removed' with the key of a record that is gone.")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String competitionId,
                      @RequestParam(required = false) String period,
                      @RequestParam(required = false) String scope,
                      @RequestParam(required = false) String scopePrefix,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String group) {
        return table.stream(query(competitionId, period, scope, scopePrefix, tier, group));
    }
}
