package ca.calgary.representation.events.contract;

import java.time.Duration;
import java.util.Map;

import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalSetting;
import ca.calgary.representation.metrics.WorkingGroup;
import ca.calgary.representation.metrics.PipelineStatusReport;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The pipeline's own topics: reference data it reads, metrics it publishes (compacted) and the input events it
 * could not apply. Keys are plain strings;
 * values Confluent wire-format Avro under {@code <topic>-value}. Documented with the input topics in
 * {@code schemas/README.md}.
 */
public enum MetricsTopic implements TopicContract {

    BENCHMARKS("reference.benchmarks", BenchmarkShare.class, "scope|group"),
    /** Numerical goals per scope, tier and equity group (SPEC §11). */
    GOAL_SETTINGS("reference.goals", GoalSetting.class, "scope|tier|group"),
    REPRESENTATION("metrics.representation", RepresentationFigures.class, "scope|tier|group"),
    DATA_QUALITY("metrics.data-quality", DataQuality.class, "ORG"),
    FLOWS("metrics.flows", FlowFigures.class, "period|scope|tier|group"),
    REPRESENTATION_SNAPSHOTS("metrics.representation-snapshots", RepresentationSnapshot.class,
            "quarter|scope|tier|group"),
    COMPETITIONS("metrics.competitions", CompetitionFigures.class,
            "competition|competitionId|group or period|scope|tier|group"),
    /** What it takes to reach each goal and where current flows lead (SPEC §11). */
    GOALS("metrics.goals", GoalFigures.class, "scope|tier|group"),
    /** The names of the working groups with appointments, for the figures of their WORKING_GROUP scopes. */
    WORKING_GROUPS("metrics.working-groups", WorkingGroup.class, "workingGroupId"),
    /** How far each instance of the representation service is behind its input (alerts stay quiet during a load). */
    PIPELINE_STATUS("metrics.pipeline-status", PipelineStatusReport.class, "service|instance"),
    /** Input events not applied (kept 30 days, as long as the shortest-lived input topic keeps what they point at). */
    DEAD_LETTERS("metrics.dead-letters", DeadLetter.class, "sourceTopic|sourcePartition|sourceOffset");

    private final String topicName;
    private final Class<? extends SpecificRecord> valueClass;
    private final String key;

    MetricsTopic(String topicName, Class<? extends SpecificRecord> valueClass, String key) {
        this.topicName = topicName;
        this.valueClass = valueClass;
        this.key = key;
    }

    public String topicName() {
        return topicName;
    }

    public String valueSubject() {
        return topicName + "-value";
    }

    public Class<? extends SpecificRecord> valueClass() {
        return valueClass;
    }

    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueClass);
    }

    public String key() {
        return key;
    }

    /** Compacted: each key's latest value is the current state; dead letters are a log kept 30 days. */
    public Map<String, String> topicConfigs() {
        return this == DEAD_LETTERS
                ? Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()))
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
}
