package ca.calgary.representation.streams;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/status}: how fresh this service's answers are, whole. */
@RestController
@Tag(name = "Status", description = "How fresh the figures are: last change of each table, input lag, caught up")
class StatusController {

    private final PipelineStatus status;

    StatusController(PipelineStatus status) {
        this.status = status;
    }

    @Operation(summary = "How fresh the figures are", description = "caughtUp is true once every input event has "
            + "been processed and published; lagEvents counts input events not processed yet (over every instance), "
            + "lagSeconds how long the oldest event not yet reflected may have waited, unpublishedChanges the work "
            + "this instance has read but not published yet; computedAt when each table last changed. Answers carry "
            + "the same as headers (" + FreshnessHeaders.COMPUTED_AT + ", " + FreshnessHeaders.CAUGHT_UP + ", "
            + FreshnessHeaders.LAG_EVENTS + ", " + FreshnessHeaders.LAG_SECONDS + "); live streams as 'status' "
            + "events.")
    @GetMapping("/v1/status")
    PipelineStatus.Status status() {
        return status.status();
    }
}
