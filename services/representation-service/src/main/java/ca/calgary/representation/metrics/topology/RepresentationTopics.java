package ca.calgary.representation.metrics.topology;

import java.util.Map;

import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.MentorshipEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.BenchmarkShare;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.GoalSetting;
import ca.calgary.representation.metrics.WorkingGroup;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.serde.SpecificAvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The representation topology's topics with their keys and serdes, declared once. Keys are plain strings
 * (employeeKey, {@code scope|group}, {@code scope|tier|group}, {@code period|scope|tier|group}, ...); values are
 * registry Avro on public topics.
 */
public final class RepresentationTopics {

    public static final Serde<String> KEY = Serdes.String();

    private final Serde<EmploymentEvent> employment;
    private final Serde<SelfIdentificationEvent> selfIdentification;
    private final Serde<PromotionEvent> promotion;
    private final Serde<MentorshipEvent> mentorship;
    private final Serde<BenchmarkShare> benchmarks;
    private final Serde<GoalSetting> goalSettings;
    private final Serde<GoalFigures> goals;
    private final Serde<WorkingGroup> workingGroups;
    private final Serde<RepresentationFigures> figures;
    private final Serde<DataQuality> dataQuality;
    private final Serde<FlowFigures> flows;
    private final Serde<RepresentationSnapshot> snapshots;
    private final Serde<CompetitionFigures> competitions;
    private final Serde<Finding> findings;
    private final Serde<DeadLetter> deadLetters;

    /** @param serdeConfig registry settings with Confluent's keys (schema.registry.url, ...) */
    public RepresentationTopics(SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
        this.employment = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.selfIdentification = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.promotion = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.mentorship = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.benchmarks = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.goalSettings = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.goals = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.workingGroups = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.figures = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.dataQuality = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.flows = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.snapshots = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.competitions = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.findings = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.deadLetters = SpecificAvroSerde.forValues(registry, serdeConfig);
    }

    public String employmentTopic() {
        return EventTopic.EMPLOYMENT.topicName();
    }

    public String selfIdentificationTopic() {
        return EventTopic.SELF_IDENTIFICATION.topicName();
    }

    public String promotionTopic() {
        return EventTopic.PROMOTION.topicName();
    }

    public String mentorshipTopic() {
        return EventTopic.MENTORSHIP.topicName();
    }

    public String benchmarksTopic() {
        return MetricsTopic.BENCHMARKS.topicName();
    }

    public String goalSettingsTopic() {
        return MetricsTopic.GOAL_SETTINGS.topicName();
    }

    public String goalsTopic() {
        return MetricsTopic.GOALS.topicName();
    }

    public String workingGroupsTopic() {
        return MetricsTopic.WORKING_GROUPS.topicName();
    }

    public String figuresTopic() {
        return MetricsTopic.REPRESENTATION.topicName();
    }

    public String dataQualityTopic() {
        return MetricsTopic.DATA_QUALITY.topicName();
    }

    public String flowsTopic() {
        return MetricsTopic.FLOWS.topicName();
    }

    public String snapshotsTopic() {
        return MetricsTopic.REPRESENTATION_SNAPSHOTS.topicName();
    }

    public String competitionsTopic() {
        return MetricsTopic.COMPETITIONS.topicName();
    }

    public String deadLettersTopic() {
        return MetricsTopic.DEAD_LETTERS.topicName();
    }

    public Serde<DeadLetter> deadLetters() {
        return deadLetters;
    }

    /** The alert service's findings, which the dashboard shows leadership (read only). */
    public String findingsTopic() {
        return AlertTopic.FINDINGS.topicName();
    }

    public Serde<Finding> findings() {
        return findings;
    }

    public Serde<FlowFigures> flows() {
        return flows;
    }

    public Serde<RepresentationSnapshot> snapshots() {
        return snapshots;
    }

    public Serde<CompetitionFigures> competitions() {
        return competitions;
    }

    public Serde<DataQuality> dataQuality() {
        return dataQuality;
    }

    public Serde<EmploymentEvent> employment() {
        return employment;
    }

    public Serde<SelfIdentificationEvent> selfIdentification() {
        return selfIdentification;
    }

    public Serde<PromotionEvent> promotion() {
        return promotion;
    }

    public Serde<MentorshipEvent> mentorship() {
        return mentorship;
    }

    public Serde<GoalSetting> goalSettings() {
        return goalSettings;
    }

    public Serde<GoalFigures> goals() {
        return goals;
    }

    public Serde<WorkingGroup> workingGroups() {
        return workingGroups;
    }

    public Serde<BenchmarkShare> benchmarks() {
        return benchmarks;
    }

    public Serde<RepresentationFigures> figures() {
        return figures;
    }
}
