package ca.calgary.representation.events.contract;

import java.time.Duration;
import java.util.Map;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The input topics: name, record key, value subject ({@code TopicNameStrategy}), value schema and topic settings.
 * This enum is the single source of these facts in code; {@code schemas/README.md} documents the same table.
 * Keys are plain UTF-8 strings (Kafka's {@code StringSerializer}); values are Confluent wire-format Avro.
 */
public enum EventTopic implements TopicContract {

    EMPLOYMENT("hr.employment-events", EmploymentEvent.class, "employeeKey",
            Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),

    /** Apart from employment events: the most sensitive data, with its own ACLs, short retention and erasure. */
    SELF_IDENTIFICATION("hr.self-identification-events", SelfIdentificationEvent.class, "employeeKey",
            Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()),
                    TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()))),

    PROMOTION("hr.promotion-events", PromotionEvent.class,
            "employeeKey; competitionId for PromotionCompetitionOpened",
            Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")),

    MENTORSHIP("hr.mentorship-events", MentorshipEvent.class, "employeeKey",
            Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));

    private final String topicName;
    private final Class<? extends SpecificRecord> valueClass;
    private final String key;
    private final Map<String, String> topicConfigs;

    EventTopic(String topicName, Class<? extends SpecificRecord> valueClass, String key,
               Map<String, String> topicConfigs) {
        this.topicName = topicName;
        this.valueClass = valueClass;
        this.key = key;
        this.topicConfigs = Map.copyOf(topicConfigs);
    }

    public String topicName() {
        return topicName;
    }

    /** The registry subject of the values, by {@code TopicNameStrategy}. */
    public String valueSubject() {
        return topicName + "-value";
    }

    public Class<? extends SpecificRecord> valueClass() {
        return valueClass;
    }

    public Schema valueSchema() {
        return org.apache.avro.specific.SpecificData.get().getSchema(valueClass);
    }

    /** What the record key holds. */
    public String key() {
        return key;
    }

    /** Topic-level settings (cleanup, retention) beyond the cluster defaults. */
    public Map<String, String> topicConfigs() {
        return topicConfigs;
    }
}
