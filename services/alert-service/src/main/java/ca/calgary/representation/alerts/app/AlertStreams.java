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
import ca.calgary.representation.streams.LiveUpdates;
import ca.calgary.representation.streams.StreamsApplication;
import ca.calgary.representation.streams.StreamsViews;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Runs the alert topology: provisions its topics and subjects, starts Kafka Streams with exactly-once v2, and keeps
 * global, queryable views of the alerts, the findings, the subscriptions and the delivery outcomes, so every instance answers
 * every read and the dispatcher knows, after a restart, what it already delivered.
 */
public final class AlertStreams implements StreamsApplication {

    public static final String ALERTS_VIEW = "alerts-view";
    public static final String FINDINGS_VIEW = "findings-view";
    public static final String SUBSCRIPTIONS_VIEW = "subscriptions-view";
    public static final String DELIVERIES_VIEW = "deliveries-view";
    public static final String PIPELINE_STATUS_VIEW = "pipeline-status-view";

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

    private AlertStreams(KafkaStreams streams, ConsumerGroup consumerGroup) {
        this.streams = streams;
        this.consumerGroup = consumerGroup;
    }

    public static AlertStreams start(Settings settings) {
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(settings.registryConfig()));
        provision(settings, registry);
        AlertTopics topics = new AlertTopics(registry, settings.registryConfig());
        StreamsBuilder builder = new StreamsBuilder();
        new AlertTopology(topics, settings.rules(), settings.declineSettle()).build(builder);
        StreamsViews.globalView(builder, topics.alertsTopic(), topics.alerts(), ALERTS_VIEW);
        StreamsViews.globalView(builder, topics.findingsTopic(), topics.findings(), FINDINGS_VIEW);
        StreamsViews.globalView(builder, topics.subscriptionsTopic(), topics.subscriptions(), SUBSCRIPTIONS_VIEW);
        StreamsViews.globalView(builder, topics.deliveriesTopic(), topics.deliveries(), DELIVERIES_VIEW);
        StreamsViews.globalView(builder, topics.pipelineStatusTopic(), topics.pipelineStatus(), PIPELINE_STATUS_VIEW);

        Properties properties = BaseStreamsConfig.properties(settings.applicationId(), settings.bootstrapServers(),
                settings.replicationFactor(), settings.extraStreams());
        properties.putAll(LiveUpdates.streamsSettings(settings.commitInterval()));
        Topology topology = builder.build(properties);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        streams.start();
        return new AlertStreams(streams, ConsumerGroup.of(settings.applicationId(), topology));
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
        return view(ALERTS_VIEW);
    }

    /** Every finding as last published (open and resolved; one that joined a broader finding is gone). */
    public ReadOnlyKeyValueStore<String, Finding> findings() {
        return view(FINDINGS_VIEW);
    }

    public ReadOnlyKeyValueStore<String, AlertSubscription> subscriptions() {
        return view(SUBSCRIPTIONS_VIEW);
    }

    /** Delivery outcomes by {@code transitionId|subscriptionId|channel}. */
    public ReadOnlyKeyValueStore<String, AlertDelivery> deliveries() {
        return view(DELIVERIES_VIEW);
    }

    /** How far each representation-service instance is behind its input, as it last reported. */
    public ReadOnlyKeyValueStore<String, PipelineStatusReport> upstreamStatus() {
        return view(PIPELINE_STATUS_VIEW);
    }

    private <V> ReadOnlyKeyValueStore<String, V> view(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
