package ca.calgary.representation.metrics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import ca.calgary.representation.metrics.GoalSetting;
import ca.calgary.representation.metrics.app.GoalAdministration;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators set numerical goals at run time (SPEC §11); each goal's figures are recomputed from then on. */
@RestController
@RequestMapping("/v1/goals")
@Tag(name = "Goals", description = "Numerical goals per scope, tier and equity group (reference data, SPEC §11)")
class GoalController {

    /**
     * A goal as the API takes and returns it.
     *
     * @param targetShare in (0, 1]; absent: the cell's benchmark
     * @param targetDate  ISO date after today; absent: 2027-12-31
     */
    record GoalBody(String scope, String tier, String group, BigDecimal targetShare, String targetDate,
                    String source) {
    }

    private static final ReferenceFields FIELDS = new ReferenceFields("goal", false);

    private final GoalAdministration administration;

    GoalController(GoalAdministration administration) {
        this.administration = administration;
    }

    @Operation(summary = "The goals in force")
    @GetMapping
    List<GoalBody> list() {
        return administration.current().values().stream().map(GoalController::body).toList();
    }

    @Operation(summary = "Set the goal of an equity group in a tier of a scope",
            description = "The scope is in the body, as unit scopes contain '/' (UNIT:City/Public Safety). Without a "
                    + "targetShare the goal follows the cell's benchmark; without a targetDate it is 2027-12-31.")
    @PutMapping
    GoalBody put(@RequestBody GoalBody body) {
        if (body == null) {
            throw FIELDS.invalid("scope", "a body is required: {scope, tier, group, targetShare, targetDate, source}");
        }
        Goal goal = validated(body);
        administration.put(goal);
        return new GoalBody(goal.scope().id(), goal.tier().name(), goal.group().name(), goal.targetShare(),
                goal.targetDate().toString(), goal.source());
    }

    @Operation(summary = "Remove the goal of a group in a tier of a scope")
    @DeleteMapping
    ResponseEntity<Void> delete(@RequestParam String scope, @RequestParam String tier, @RequestParam String group) {
        administration.remove(Goal.key(FIELDS.scope(scope), FIELDS.tier(tier), FIELDS.group(group, Goal.GROUPS)));
        return ResponseEntity.noContent().build();
    }

    private static GoalBody body(GoalSetting goal) {
        return new GoalBody(goal.getScope(), goal.getTier(), goal.getGroup(),
                goal.getTargetShare() == null ? null : BigDecimal.valueOf(goal.getTargetShare()),
                goal.getTargetDate().toString(), goal.getSource());
    }

    private static Goal validated(GoalBody body) {
        Scope scope = FIELDS.scope(body.scope());
        Tier tier = FIELDS.tier(body.tier());
        Group group = FIELDS.group(body.group(), Goal.GROUPS);
        BigDecimal share = body.targetShare();
        if (share != null && (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0)) {
            throw FIELDS.invalid("targetShare", "targetShare must be in (0, 1], got " + share
                    + " (leave it out to follow the benchmark)");
        }
        LocalDate targetDate = Goal.DEFAULT_TARGET_DATE;
        if (body.targetDate() != null) {
            try {
                targetDate = LocalDate.parse(body.targetDate());
            } catch (DateTimeParseException e) {
                throw FIELDS.invalid("targetDate", "targetDate must be an ISO date such as 2027-12-31, got '"
                        + body.targetDate() + "'");
            }
            if (targetDate.getYear() < 2000 || targetDate.getYear() > 2199) {
                throw FIELDS.invalid("targetDate", "targetDate must be in 2000 to 2199, got " + targetDate);
            }
        }
        if (body.source() == null || body.source().isBlank()) {
            throw FIELDS.invalid("source", "source is required (who set the goal, or the decision it comes from)");
        }
        return new Goal(scope, tier, group, share, targetDate, body.source().strip());
    }
}
