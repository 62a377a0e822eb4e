package ca.calgary.representation.alerts.web;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertAction;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.app.AlertLog;
import ca.calgary.representation.alerts.app.AlertStreams;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.Findings;
import ca.calgary.representation.alerts.topology.AlertRecords;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.TopicSnapshot;
import ca.calgary.representation.serde.AvroDeserializer;
import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Equity officers' view of the alerts: their current states as findings or cells, a live stream of findings, and acknowledgements and
 * comments, each kept with who and when. Alert ids ({@code rule|scope|tier|group}) contain slashes, so they travel
 * as a parameter or in the body, not in the path.
 */
@RestController
@RequestMapping("/v1/alerts")
@Tag(name = "Alerts", description = "Representation gaps, adverse impact, declines and low response (SPEC §8)")
class AlertsController {

    /** The longest comment kept. */
    static final int MAX_COMMENT = 2000;

    private final StreamsLifecycle<AlertStreams> streams;
    private final TopicFeed<AlertTransition> transitions;
    private final TopicFeed<Finding> findings;
    private final AlertLog alertLog;
    private final KafkaProperties kafka;

    AlertsController(StreamsLifecycle<AlertStreams> streams, TopicFeed<AlertTransition> transitions,
                     TopicFeed<Finding> findings, AlertLog alertLog, KafkaProperties kafka) {
        this.streams = streams;
        this.transitions = transitions;
        this.findings = findings;
        this.alertLog = alertLog;
        this.kafka = kafka;
    }

    /** How GET /v1/alerts lists what matches. */
    enum View { FINDINGS, CELLS }

    @Operation(summary = "Findings (or, with view=cells, alerts) that match the filters", description = "By default "
            + "the matching alerts rolled up into findings (SPEC §8): where a rule holds for a group in a cell and in "
            + "cells beneath it (scopes within its scope, tiers within its tier), one finding headed by the broadest "
            + "cell, ranked by priority (people short of the benchmark or of parity, weighted by confidence), each "
            + "with its head alert and the cells beneath it. With view=cells, each alert with its status (and, "
            + "resolved, why: CLEARED, UNMEASURABLE or NOT_APPLICABLE), severity, ADVERSE_IMPACT's measure, the "
            + "figures that triggered it, the thresholds, a one-sentence explanation, first seen and last updated.")
    @GetMapping
    List<Map<String, Object>> alerts(@RequestParam(required = false) String alertId,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String rule,
                                     @RequestParam(required = false) String measure,
                                     @RequestParam(required = false) String scopePrefix,
                                     @RequestParam(required = false) String tier,
                                     @RequestParam(required = false) String group,
                                     @RequestParam(required = false) String minimumSeverity,
                                     @RequestParam(required = false) Boolean open,
                                     @RequestParam(required = false) String view) {
        AlertQuery query = AlertQuery.of(alertId, status, rule, measure, scopePrefix, tier, group, minimumSeverity, open);
        View shown = view(view);
        Map<String, Alert> records = new LinkedHashMap<>();
        List<AlertState> matching = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = running().alerts().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null) {
                    AlertState alert = AlertRecords.fromAvro(entry.value);
                    if (query.matches(alert)) {
                        records.put(alert.id(), entry.value);
                        matching.add(alert);
                    }
                }
            });
        }
        if (shown == View.CELLS) {
            return records.values().stream().map(AvroViews::view).toList();
        }
        return Findings.of(matching).stream().map(finding -> finding(finding, records)).toList();
    }

    private static Map<String, Object> finding(Findings.Finding finding, Map<String, Alert> records) {
        AlertState head = finding.head();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("findingId", finding.id());
        view.put("rule", head.rule().name());
        view.put("measure", head.measure() == null ? null : head.measure().name());
        view.put("group", head.group());
        view.put("scope", head.scope());
        view.put("tier", head.tier());
        view.put("status", head.status().name());
        view.put("severity", finding.severity().name());
        view.put("priority", Math.round(finding.priority() * 100) / 100.0);
        view.put("explanation", finding.explanation());
        view.put("firstSeen", head.firstSeen() == null ? null : head.firstSeen().toString());
        view.put("lastUpdated", head.lastUpdated() == null ? null : head.lastUpdated().toString());
        view.put("head", AvroViews.view(records.get(head.id())));
        view.put("cells", finding.beneath().stream().map(cell -> AvroViews.view(records.get(cell.id()))).toList());
        return view;
    }

    @Operation(summary = "Live stream of findings (server-sent events)", description = "By default events named "
            + "'finding' carry each finding as it changes (its change: OPENED, WORSENED, IMPROVED, UPDATED or "
            + "RESOLVED, and when), when its head or a cell beneath it matches the filters; 'finding-removed' names "
            + "a finding that joined a broader one. With view=cells, events named 'alert' carry each alert "
            + "transition (OPEN, UPDATED, RESOLVED) with the alert as it then stood.")
    @GetMapping(path = "/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) String status,
                      @RequestParam(required = false) String rule,
                      @RequestParam(required = false) String measure,
                      @RequestParam(required = false) String scopePrefix,
                      @RequestParam(required = false) String tier,
                      @RequestParam(required = false) String group,
                      @RequestParam(required = false) String minimumSeverity,
                      @RequestParam(required = false) String view) {
        AlertQuery query = AlertQuery.of(null, status, rule, measure, scopePrefix, tier, group, minimumSeverity, null);
        if (view(view) == View.CELLS) {
            return transitions.subscribe("alert",
                    transition -> query.matches(AlertRecords.fromAvro(transition.getAlert())), AvroViews::view);
        }
        return findings.subscribe("finding", finding -> query.matches(AlertRecords.fromAvro(finding.getHead()))
                || finding.getCells().stream().anyMatch(cell -> query.matches(AlertRecords.fromAvro(cell))),
                AvroViews::view);
    }

    private static View view(String view) {
        return view == null ? View.FINDINGS : AlertQuery.parse("view", view,
                value -> View.valueOf(value.toUpperCase(java.util.Locale.ROOT)), new Object[] {"findings", "cells"});
    }

    /** An acknowledgement or comment. */
    record ActionRequest(String alertId, String comment) {
    }

    @Operation(summary = "Acknowledge an alert", description = "Kept with who and when; a comment is optional.")
    @PostMapping("/acknowledgements")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> acknowledge(@RequestBody ActionRequest request, Principal who) {
        return record("ACKNOWLEDGED", request, false, who);
    }

    @Operation(summary = "Comment on an alert", description = "Kept with who and when.")
    @PostMapping("/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> comment(@RequestBody ActionRequest request, Principal who) {
        return record("COMMENTED", request, true, who);
    }

    @Operation(summary = "Every acknowledgement and comment of an alert, oldest first")
    @GetMapping("/actions")
    List<Map<String, Object>> actions(@RequestParam String alertId) {
        existing(alertId);
        Map<String, Object> settings = TopicSnapshot.readerSettings(kafka.buildConsumerProperties());
        AvroDeserializer values = new AvroDeserializer();
        values.configure(settings, false);
        List<Map<String, Object>> actions = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values)) {
            TopicSnapshot.read(consumer, AlertTopic.ACTIONS.topicName(), Duration.ofSeconds(15), record -> {
                if (alertId.equals(record.key()) && record.value() instanceof AlertAction action) {
                    actions.add(AvroViews.view(action));
                }
            });
        }
        return actions;
    }

    private Map<String, Object> record(String kind, ActionRequest request, boolean commentRequired, Principal who) {
        if (request == null || request.alertId() == null || request.alertId().isBlank()) {
            throw InvalidRequestException.body("alertId", "alertId is required");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (commentRequired && comment == null) {
            throw InvalidRequestException.body("comment", "comment is required");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw InvalidRequestException.body("comment", "comment must be at most " + MAX_COMMENT + " characters");
        }
        existing(request.alertId());
        AlertAction action = new AlertAction(UUID.randomUUID().toString(), request.alertId(), kind, who.getName(),
                Instant.now(), comment);
        alertLog.action(action);
        return AvroViews.view(action);
    }

    private AlertState existing(String alertId) {
        Alert alert = running().alerts().get(alertId);
        if (alert == null) {
            throw new NotFoundException("no alert " + alertId);
        }
        return AlertRecords.fromAvro(alert);
    }

    private AlertStreams running() {
        return streams.streams().orElseThrow(() -> new AlertsUnavailableException(
                "the alert topology is not running yet"));
    }
}
