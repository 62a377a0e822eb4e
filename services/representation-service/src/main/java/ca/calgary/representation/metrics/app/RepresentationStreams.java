package ca.calgary.representation.metrics.app;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.EventContractsProvisioner;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.events.contract.TopicContract;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.topology.RepresentationTopics;
import ca.calgary.representation.metrics.topology.RepresentationTopology;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.streams.StreamsApplication;
import ca.calgary.representation.streams.StreamsViews;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Runs the representation topology: provisions its topics and subjects, starts Kafka Streams with exactly-once v2,
 * and keeps a global, queryable view of the published figures so every instance can answer every read.
 */
public final class RepresentationStreams implements StreamsApplication {

    /** The queryable copy of metrics.representation held by every instance. */
    public static final String FIGURES_VIEW = "representation-figures-view";
    /** The queryable copy of metrics.data-quality. */
    public static final String DATA_QUALITY_VIEW = "data-quality-view";
    /** The queryable copy of metrics.flows. */
    public static final String FLOWS_VIEW = "flows-view";
    /** The queryable copy of metrics.representation-snapshots. */
    public static final String SNAPSHOTS_VIEW = "representation-snapshots-view";
    /** The queryable copy of metrics.competitions. */
    public static final String COMPETITIONS_VIEW = "competitions-view";
    /** The queryable copy of alerts.state: the dashboard shows leadership the open alerts. */
    public static final String ALERTS_VIEW = "alerts-view";

    /**
     * @param applicationId   the Streams application id (consumer group, internal topic prefix)
     * @param extraStreams    further Streams settings (state.dir, num.stream.threads, ...)
     */
    public record Settings(String bootstrapServers, Map<String, Object> registryConfig, String applicationId,
                           short replicationFactor, int partitions, RepresentationConfig representation,
                           FlowConfig flows, Duration publishInterval, Duration dayCheckInterval,
                           Map<String, Object> extraStreams) {

        /** The service's settings: Spring's Kafka properties (with the registry's) and its own. */
        public static Settings of(RepresentationProperties properties, KafkaProperties kafka) {
            Map<String, Object> registry = StreamsViews.registrySettings(kafka);
            Map<String, Object> extra = StreamsViews.streamsSettings(kafka, properties.stateDir());
            return new Settings(String.join(",", kafka.getBootstrapServers()), registry, properties.applicationId(),
                    properties.topicReplication(), properties.topicPartitions(), properties.representationConfig(),
                    properties.flowConfig(), properties.publishInterval(), properties.dayCheckInterval(), extra);
        }
    }

    private final KafkaStreams streams;

    private RepresentationStreams(KafkaStreams streams) {
        this.streams = streams;
    }

    public static RepresentationStreams start(Settings settings, Clock clock) {
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(settings.registryConfig()));
        provision(settings, registry);
        RepresentationTopics topics = new RepresentationTopics(registry, settings.registryConfig());
        StreamsBuilder builder = new StreamsBuilder();
        new RepresentationTopology(topics, settings.representation(), settings.flows(),
                () -> LocalDate.now(clock.withZone(settings.representation().zone())), settings.publishInterval(),
                settings.dayCheckInterval()).build(builder);
        StreamsViews.globalView(builder, topics.figuresTopic(), topics.figures(), FIGURES_VIEW);
        StreamsViews.globalView(builder, topics.dataQualityTopic(), topics.dataQuality(), DATA_QUALITY_VIEW);
        StreamsViews.globalView(builder, topics.flowsTopic(), topics.flows(), FLOWS_VIEW);
        StreamsViews.globalView(builder, topics.snapshotsTopic(), topics.snapshots(), SNAPSHOTS_VIEW);
        StreamsViews.globalView(builder, topics.competitionsTopic(), topics.competitions(), COMPETITIONS_VIEW);
        StreamsViews.globalView(builder, topics.alertsTopic(), topics.alerts(), ALERTS_VIEW);

        Properties properties = new Properties();
        properties.putAll(settings.extraStreams());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replicationFactor());
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        KafkaStreams streams = new KafkaStreams(builder.build(properties), properties);
        streams.start();
        return new RepresentationStreams(streams);
    }

    private static void provision(Settings settings, SchemaRegistryClient registry) {
        Map<String, Object> admin = StreamsViews.adminSettings(settings.extraStreams(), settings.bootstrapServers());
        EventContractsProvisioner provisioner = new EventContractsProvisioner(settings.partitions(),
                settings.replicationFactor());
        List<TopicContract> all = new ArrayList<>(List.of(EventTopic.values()));
        all.addAll(List.of(MetricsTopic.values()));
        all.add(AlertTopic.STATE);
        try (Admin client = Admin.create(admin)) {
            provisioner.createTopics(client, all);
        }
        provisioner.registerSchemas(registry, List.of(MetricsTopic.values()));
    }

    @Override
    public KafkaStreams streams() {
        return streams;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The figures of every cell, as last published; answers on every instance. */
    public ReadOnlyKeyValueStore<String, RepresentationFigures> figures() {
        return view(FIGURES_VIEW);
    }

    /** The flow figures of every period and cell, as last published. */
    public ReadOnlyKeyValueStore<String, FlowFigures> flows() {
        return view(FLOWS_VIEW);
    }

    /** The quarter-end snapshots, as last published. */
    public ReadOnlyKeyValueStore<String, RepresentationSnapshot> snapshots() {
        return view(SNAPSHOTS_VIEW);
    }

    /** The competition funnels, as last published. */
    public ReadOnlyKeyValueStore<String, CompetitionFigures> competitions() {
        return view(COMPETITIONS_VIEW);
    }

    /** Every alert as last published by the alert service. */
    public ReadOnlyKeyValueStore<String, Alert> alerts() {
        return view(ALERTS_VIEW);
    }

    private <V> ReadOnlyKeyValueStore<String, V> view(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** The data-quality counts, as last published (empty before the first publication). */
    public java.util.Optional<DataQuality> dataQuality() {
        return java.util.Optional.ofNullable(this.<DataQuality>view(DATA_QUALITY_VIEW).get("ORG"));
    }
}
