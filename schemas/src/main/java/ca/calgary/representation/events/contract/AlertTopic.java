package ca.calgary.representation.events.contract;

import java.time.Duration;
import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertAction;
import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.Finding;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The alert service's topics (SPEC §8): alerts and their transitions, which it publishes, and what equity officers
 * do with them (subscriptions, acknowledgements and comments, delivery outcomes). Keys are plain strings; values
 * Confluent wire-format Avro under {@code <topic>-value}. Documented in {@code schemas/README.md}.
 */
public enum AlertTopic implements TopicContract {

    STATE("alerts.state", Alert.class, "rule|scope|tier|group", true),
    TRANSITIONS("alerts.transitions", AlertTransition.class, "rule|scope|tier|group", false),
    /** The alerts rolled up into findings, keyed by their head alert's id. */
    FINDINGS("alerts.findings", Finding.class, "rule|scope|tier|group of its head", true),
    SUBSCRIPTIONS("alerts.subscriptions", AlertSubscription.class, "subscriptionId", true),
    ACTIONS("alerts.actions", AlertAction.class, "rule|scope|tier|group", false),
    DELIVERIES("alerts.deliveries", AlertDelivery.class, "transitionId|subscriptionId|channel", true),
    DEAD_LETTERS("alerts.dead-letters", AlertDelivery.class, "transitionId|subscriptionId|channel", false);

    private final String topicName;
    private final Class<? extends SpecificRecord> valueClass;
    private final String key;
    private final boolean compacted;

    AlertTopic(String topicName, Class<? extends SpecificRecord> valueClass, String key, boolean compacted) {
        this.topicName = topicName;
        this.valueClass = valueClass;
        this.key = key;
        this.compacted = compacted;
    }

    public String topicName() {
        return topicName;
    }

    public String valueSubject() {
        return topicName + "-value";
    }

    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueClass);
    }

    public String key() {
        return key;
    }

    /** Current states are compacted; histories (transitions, actions, dead letters) are kept. */
    public Map<String, String> topicConfigs() {
        return compacted ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofDays(7).toMillis()));
    }
}
