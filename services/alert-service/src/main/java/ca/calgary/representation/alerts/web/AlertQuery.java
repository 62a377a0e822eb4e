package ca.calgary.representation.alerts.web;

import java.util.Arrays;
import java.util.function.Function;

import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.Measure;
import ca.calgary.representation.alerts.core.Rule;
import ca.calgary.representation.alerts.core.Severity;
import ca.calgary.representation.alerts.core.Status;

/** Which alerts a reader asks for; every value is checked, so a typo is a 400 naming the parameter. */
record AlertQuery(String alertId, Status status, Rule rule, Measure measure, String scopePrefix, String tier,
                  String group, Severity minimumSeverity, boolean openOnly) {

    static AlertQuery of(String alertId, String status, String rule, String measure, String scopePrefix, String tier,
                         String group, String minimumSeverity, Boolean open) {
        return new AlertQuery(alertId, parse("status", status, Status::valueOf, Status.values()),
                parse("rule", rule, Rule::valueOf, Rule.values()),
                parse("measure", measure, Measure::valueOf, Measure.values()), scopePrefix, tier, group,
                parse("minimumSeverity", minimumSeverity, Severity::valueOf, Severity.values()),
                Boolean.TRUE.equals(open));
    }

    static <E> E parse(String field, String value, Function<String, E> parser, Object[] allowed) {
        return parse(field, value, parser, allowed, true);
    }

    /** A named value of a query parameter (400 when unknown) or a body field (422); null stays null. */
    static <E> E parse(String field, String value, Function<String, E> parser, Object[] allowed, boolean query) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            String reason = field + " must be one of " + Arrays.toString(allowed) + ", not '" + value + "'";
            throw query ? InvalidRequestException.query(field, reason) : InvalidRequestException.body(field, reason);
        }
    }

    boolean matches(AlertState alert) {
        return (alertId == null || alert.id().equals(alertId))
                && (status == null || alert.status() == status)
                && (rule == null || alert.rule() == rule)
                && (measure == null || alert.measure() == measure)
                && (scopePrefix == null || alert.scope().startsWith(scopePrefix))
                && (tier == null || alert.tier().equals(tier))
                && (group == null || alert.group().equals(group))
                && (minimumSeverity == null || alert.severity().compareTo(minimumSeverity) >= 0)
                && (!openOnly || alert.isOpen());
    }
}
