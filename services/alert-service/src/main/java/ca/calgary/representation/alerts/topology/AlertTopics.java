package ca.calgary.representation.alerts.topology;

import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.AlertTransition;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.PipelineStatusReport;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.serde.SpecificAvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The alert topology's topics with their keys and serdes, declared once. Keys are plain strings. */
public final class AlertTopics {

    public static final Serde<String> KEY = Serdes.String();

    private final Serde<RepresentationFigures> figures;
    private final Serde<FlowFigures> flows;
    private final Serde<CompetitionFigures> competitions;
    private final Serde<PipelineStatusReport> pipelineStatus;
    private final Serde<RepresentationSnapshot> snapshots;
    private final Serde<GoalFigures> goals;
    private final Serde<Alert> alerts;
    private final Serde<AlertTransition> transitions;
    private final Serde<Finding> findings;
    private final Serde<AlertSubscription> subscriptions;
    private final Serde<AlertDelivery> deliveries;

    /** @param serdeConfig registry settings with Confluent's keys (schema.registry.url, ...) */
    public AlertTopics(SchemaRegistryClient registry, Map<String, ?> serdeConfig) {
        this.figures = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.flows = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.competitions = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.pipelineStatus = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.snapshots = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.goals = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.alerts = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.transitions = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.findings = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.subscriptions = SpecificAvroSerde.forValues(registry, serdeConfig);
        this.deliveries = SpecificAvroSerde.forValues(registry, serdeConfig);
    }

    public String figuresTopic() {
        return MetricsTopic.REPRESENTATION.topicName();
    }

    public String flowsTopic() {
        return MetricsTopic.FLOWS.topicName();
    }

    public String competitionsTopic() {
        return MetricsTopic.COMPETITIONS.topicName();
    }

    public String pipelineStatusTopic() {
        return MetricsTopic.PIPELINE_STATUS.topicName();
    }

    public String snapshotsTopic() {
        return MetricsTopic.REPRESENTATION_SNAPSHOTS.topicName();
    }

    public String goalsTopic() {
        return MetricsTopic.GOALS.topicName();
    }

    public String alertsTopic() {
        return AlertTopic.STATE.topicName();
    }

    public String transitionsTopic() {
        return AlertTopic.TRANSITIONS.topicName();
    }

    public String findingsTopic() {
        return AlertTopic.FINDINGS.topicName();
    }

    public String subscriptionsTopic() {
        return AlertTopic.SUBSCRIPTIONS.topicName();
    }

    public String deliveriesTopic() {
        return AlertTopic.DELIVERIES.topicName();
    }

    public Serde<AlertSubscription> subscriptions() {
        return subscriptions;
    }

    public Serde<AlertDelivery> deliveries() {
        return deliveries;
    }

    public Serde<RepresentationFigures> figures() {
        return figures;
    }

    public Serde<FlowFigures> flows() {
        return flows;
    }

    public Serde<CompetitionFigures> competitions() {
        return competitions;
    }

    public Serde<PipelineStatusReport> pipelineStatus() {
        return pipelineStatus;
    }

    public Serde<RepresentationSnapshot> snapshots() {
        return snapshots;
    }

    public Serde<GoalFigures> goals() {
        return goals;
    }

    public Serde<Alert> alerts() {
        return alerts;
    }

    public Serde<AlertTransition> transitions() {
        return transitions;
    }

    public Serde<Finding> findings() {
        return findings;
    }
}
