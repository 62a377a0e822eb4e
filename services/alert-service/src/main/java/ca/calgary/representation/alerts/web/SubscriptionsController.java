package ca.calgary.representation.alerts.web;

import java.net.URI;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.app.AlertLog;
import ca.calgary.representation.alerts.app.AlertStreams;
import ca.calgary.representation.alerts.core.DigestSchedule.Delivery;
import ca.calgary.representation.alerts.core.Rule;
import ca.calgary.representation.alerts.core.Severity;
import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.streams.StreamsLifecycle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Equity officers' subscriptions: which alerts (scope prefix, tiers, groups, rules, minimum severity) and where
 * (a webhook, an e-mail address, or both). The webhook's signing secret is generated here and shown once, in the
 * answer to the creation.
 */
@RestController
@RequestMapping("/v1/subscriptions")
@Tag(name = "Subscriptions", description = "Who is told of which alerts, and how")
class SubscriptionsController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StreamsLifecycle<AlertStreams> streams;
    private final AlertLog alertLog;

    SubscriptionsController(StreamsLifecycle<AlertStreams> streams, AlertLog alertLog) {
        this.streams = streams;
        this.alertLog = alertLog;
    }

    /** A new subscription; empty lists mean any. */
    record SubscriptionRequest(String name, String scopePrefix, List<String> tiers, List<String> groups,
                               List<String> rules, String minimumSeverity, String webhookUrl, String email,
                               String delivery) {
    }

    @Operation(summary = "Subscribe", description = "At least one of webhookUrl and email. delivery: IMMEDIATE "
            + "(default: each finding that opens, worsens, improves or resolves, as it does), DAILY or WEEKLY (a digest "
            + "of what opened, worsened and resolved and what is still open, at the configured local time). The "
            + "answer holds the webhook's signing secret (X-Alert-Signature: sha256=hex HMAC-SHA256 of the body); it "
            + "is not shown again.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> subscribe(@RequestBody SubscriptionRequest request, Principal who) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw InvalidRequestException.body("name", "name is required");
        }
        if (request.webhookUrl() == null && request.email() == null) {
            throw InvalidRequestException.body("webhookUrl", "a webhookUrl, an email, or both are required");
        }
        if (request.webhookUrl() != null) {
            URI url;
            try {
                url = URI.create(request.webhookUrl());
            } catch (IllegalArgumentException e) {
                throw InvalidRequestException.body("webhookUrl", "webhookUrl is not a URL: " + e.getMessage());
            }
            if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw InvalidRequestException.body("webhookUrl", "webhookUrl must be an http or https URL with a host");
            }
        }
        if (request.email() != null && !EMAIL.matcher(request.email()).matches()) {
            throw InvalidRequestException.body("email", "email is not an e-mail address");
        }
        List<String> rules = listOf(request.rules());
        rules.forEach(rule -> AlertQuery.parse("rules", rule, Rule::valueOf, Rule.values(), false));
        String severity = request.minimumSeverity() == null ? Severity.LOW.name() : request.minimumSeverity();
        AlertQuery.parse("minimumSeverity", severity, Severity::valueOf, Severity.values(), false);
        String delivery = request.delivery() == null ? Delivery.IMMEDIATE.name() : request.delivery();
        AlertQuery.parse("delivery", delivery, Delivery::valueOf, Delivery.values(), false);
        String id = UUID.randomUUID().toString();
        String secret = request.webhookUrl() == null ? null : secret();
        AlertSubscription subscription = new AlertSubscription(id, who.getName(), request.name().strip(),
                request.scopePrefix(), listOf(request.tiers()), listOf(request.groups()), rules, severity,
                request.webhookUrl(), secret, request.email(), delivery,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)); // as Kafka keeps it (timestamp-millis)
        alertLog.subscription(id, subscription);
        Map<String, Object> created = view(subscription);
        created.put("webhookSecret", secret);
        return created;
    }

    @Operation(summary = "Every subscription (secrets withheld)")
    @GetMapping
    List<Map<String, Object>> subscriptions() {
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        try (KeyValueIterator<String, AlertSubscription> all = running().subscriptions().all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null) {
                    subscriptions.add(view(entry.value));
                }
            });
        }
        return subscriptions;
    }

    @Operation(summary = "One subscription (secret withheld)")
    @GetMapping("/{id}")
    Map<String, Object> subscription(@PathVariable String id) {
        AlertSubscription subscription = running().subscriptions().get(id);
        if (subscription == null) {
            throw new NotFoundException("no subscription " + id);
        }
        return view(subscription);
    }

    @Operation(summary = "Unsubscribe")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable String id) {
        subscription(id);
        alertLog.subscription(id, null);
    }

    private static Map<String, Object> view(AlertSubscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>(AvroViews.view(subscription));
        view.remove("webhookSecret");
        return view;
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private AlertStreams running() {
        return streams.streams().orElseThrow(() -> new AlertsUnavailableException(
                "the alert topology is not running yet"));
    }
}
