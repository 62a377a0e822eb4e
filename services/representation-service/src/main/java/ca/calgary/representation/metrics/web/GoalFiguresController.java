package ca.calgary.representation.metrics.web;

import java.util.List;
import java.util.Map;

import ca.calgary.representation.metrics.GoalFigures;
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

/** Each goal's figures (SPEC §11): today against the goal, what it takes, and where current flows lead. */
@RestController
@RequestMapping("/v1/goal-figures")
@Tag(name = "Goal figures", description = "Per goal: people short today, the share of expected appointments the "
        + "group needs and whether that is plausible, and the projection to the target date with its interval and "
        + "verdict (SPEC §11), from published aggregates only (SPEC §9)")
class GoalFiguresController {

    private final PublishedTable<GoalFigures> table;

    GoalFiguresController(StreamsLifecycle<RepresentationStreams> streams, TopicFeed<GoalFigures> feed) {
        this.table = new PublishedTable<>(streams, RepresentationStreams::goals, feed, "goal",
                GoalFigures.getClassSchema());
    }

    private static RecordQuery query(String scope, String scopePrefix, String tier, String group) {
        return new RecordQuery().scope(scope, scopePrefix).tier(tier).group(group);
    }

    @Operation(summary = "The figures of the goals that match the filters")
    @GetMapping
    List<Map<String, Object>> goals(@RequestParam(required = false) String scope,
                                    @RequestParam(required = false) String scopePrefix,
                                    @RequestParam(required = false) String tier,
                                    @RequestParam(required = false) String group) {
        return table.find(query(scope, scopePrefix, tier, group));
    }

    @Operation(summary = "The matching goals' figures as CSV (the projection's points joined with ';', each as "
            + "name=value pairs: date=2027-12-31 share=0.21 low=0.18 high=0.24 ...)")
    @GetMapping(path = "/export.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String scope,
                               @RequestParam(required = false) String scopePrefix,
                               @RequestParam(required = false) String tier,
                               @RequestParam(required = false) String group) {
        return table.csv(query(scope, scopePrefix, tier, group), "goals.csv");
    }

    @Operation(summary = "Live stream of changed goal figures (server-sent events)", description = "Events named "
            + "'goal', and 'goal-removed' with the key of a goal that is gone.")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String scope,
                      @RequestParam(required = false) String scopePrefix,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String group) {
        return table.stream(query(scope, scopePrefix, tier, group));
    }
}
