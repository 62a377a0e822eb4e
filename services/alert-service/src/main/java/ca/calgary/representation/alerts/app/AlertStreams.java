package ca.calgary.representation.alerts.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.AlertDelivery;
import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.core.AlertRules;
import ca.calgary.representation.alerts.topology.AlertTopics;
import ca.calgary.representation.alerts.topology.AlertTopology;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.EventContractsProvisioner;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.metrics.PipelineStatusReport;
import ca.calgary.representation.events.contract.TopicContract;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.streams.BaseStreamsConfig;
import ca.calgary.representation.streams.ConsumerGroup;
import ca.calgary.representation.streams.GlobalView;
import ca.calgary.representation.streams.LiveUpdates;
import ca.calgary.representation.streams.StreamsApplication;
import ca.calgary.representation.streams.StreamsViews;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Runs the alert topology: provisions its topics and subjects, starts Kafka Streams with exactly-once v2, and keeps
 * global, queryable views of the alerts, the findings, the subscriptions and the delivery outcomes, so every instance answers
 * every read and the dispatcher knows, after a restart, what it already delivered.
 */
public final class AlertStreams implements StreamsApplication {

    /** The service's queryable copies of topics. */
    private record Views(GlobalView<Alert> alerts, GlobalView<Finding> findings,
                         GlobalView<AlertSubscription> subscriptions, GlobalView<AlertDelivery> deliveries,
                         GlobalView<PipelineStatusReport> upstreamStatus) {

        static Views of(StreamsBuilder builder, AlertTopics topics) {
            return new Views(GlobalView.of(builder, topics.alertsTopic(), topics.alerts(), "alerts-view"),
                    GlobalView.of(builder, topics.findingsTopic(), topics.findings(), "findings-view"),
                    GlobalView.of(builder, topics.subscriptionsTopic(), topics.subscriptions(), "subscriptions-view"),
                    GlobalView.of(builder, topics.deliveriesTopic(), topics.deliveries(), "deliveries-view"),
                    GlobalView.of(builder, topics.pipelineStatusTopic(), topics.pipelineStatus(),
                            "pipeline-status-view"));
        }
    }

    /** @param registryConfig registry settings with Confluent's keys */
    public record Settings(String bootstrapServers, Map<String, Object> registryConfig, String applicationId,
                           short replicationFactor, int partitions, AlertRules rules, Duration declineSettle,
                           Duration commitInterval, Map<String, Object> extraStreams) {

        public static Settings of(AlertProperties properties, KafkaProperties kafka) {
            Map<String, Object> extra = StreamsViews.streamsSettings(kafka, properties.stateDir());
            return new Settings(String.join(",", kafka.getBootstrapServers()), StreamsViews.registrySettings(kafka),
                    properties.applicationId(), properties.topicReplication(), properties.topicPartitions(),
                    properties.rules(), properties.declineSettle(), properties.commitInterval(), extra);
        }
    }

    private final KafkaStreams streams;
    private final ConsumerGroup consumerGroup;
    private final Views views;

    private AlertStreams(KafkaStreams streams, ConsumerGroup consumerGroup, Views views) {
        this.streams = streams;
        this.consumerGroup = consumerGroup;
        this.views = views;
    }

    public static AlertStreams start(Settings settings) {
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(settings.registryConfig()));
        provision(settings, registry);
        AlertTopics topics = new AlertTopics(registry, settings.registryConfig());
        StreamsBuilder builder = new StreamsBuilder();
        new AlertTopology(topics, settings.rules(), settings.declineSettle()).build(builder);
        Views views = Views.of(builder, topics);

        Properties properties = BaseStreamsConfig.properties(settings.applicationId(), settings.bootstrapServers(),
                settings.replicationFactor(), settings.extraStreams());
        properties.putAll(LiveUpdates.streamsSettings(settings.commitInterval()));
        Topology topology = builder.build(properties);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.start();
        return new AlertStreams(streams, ConsumerGroup.of(settings.applicationId(), topology), views);
    }

    private static void provision(Settings settings, SchemaRegistryClient registry) {
        Map<String, Object> admin = StreamsViews.adminSettings(settings.extraStreams(), settings.bootstrapServers());
        EventContractsProvisioner provisioner = new EventContractsProvisioner(settings.partitions(),
                settings.replicationFactor());
        List<TopicContract> all = new ArrayList<>(List.of(MetricsTopic.values()));
        all.addAll(List.of(AlertTopic.values()));
        try (Admin client = Admin.create(admin)) {
            provisioner.createTopics(client, all);
        }
        provisioner.registerSchemas(registry, List.of(AlertTopic.values()));
    }

    @Override
    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public List<ConsumerGroup> consumerGroups() {
        return List.of(consumerGroup);
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Every alert's current state. */
    public ReadOnlyKeyValueStore<String, Alert> alerts() {
        return views.alerts().in(streams);
    }

    /** Every finding as last published (open and resolved; one that joined a broader finding is gone). */
    public ReadOnlyKeyValueStore<String, Finding> findings() {
        return views.findings().in(streams);
    }

    public ReadOnlyKeyValueStore<String, AlertSubscription> subscriptions() {
        return views.subscriptions().in(streams);
    }

    /** Delivery outcomes by {@code transitionId|subscriptionId|channel}. */
    public ReadOnlyKeyValueStore<String, AlertDelivery> deliveries() {
        return views.deliveries().in(streams);
    }

    /** How far each representation-service instance is behind its input, as it last reported. */
    public ReadOnlyKeyValueStore<String, PipelineStatusReport> upstreamStatus() {
        return views.upstreamStatus().in(streams);
    }

}
