package ca.calgary.representation.metrics.app;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;

import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.events.contract.EventContractsProvisioner;
import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.events.contract.MetricsTopic;
import ca.calgary.representation.events.contract.TopicContract;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoalFigures;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.WorkingGroup;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.topology.FlowMetricsTopology;
import ca.calgary.representation.metrics.topology.GoalTopology;
import ca.calgary.representation.metrics.topology.RepresentationTopics;
import ca.calgary.representation.metrics.topology.RepresentationTopology;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.SchemaRegistryClient;
import ca.calgary.representation.streams.BaseStreamsConfig;
import ca.calgary.representation.streams.ConsumerGroup;
import ca.calgary.representation.streams.GlobalView;
import ca.calgary.representation.streams.LiveUpdates;
import ca.calgary.representation.streams.StreamsApplication;
import ca.calgary.representation.streams.StreamsViews;
import ca.calgary.representation.streams.ViewProgress;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Runs the representation topologies: provisions their topics and subjects, starts the live figures, the flow
 * metrics and the goals (which read published figures only) as three Kafka Streams applications with exactly-once v2,
 * and keeps a global, queryable view of every published table so every instance can answer every read.
 */
public final class RepresentationStreams implements StreamsApplication {

    /** The store names of the queryable copies of the published topics every instance holds. */
    static final String FIGURES_VIEW = "representation-figures-view";
    static final String DATA_QUALITY_VIEW = "data-quality-view";
    static final String FLOWS_VIEW = "flows-view";
    static final String SNAPSHOTS_VIEW = "representation-snapshots-view";
    static final String COMPETITIONS_VIEW = "competitions-view";
    static final String GOALS_VIEW = "goals-view";
    static final String WORKING_GROUPS_VIEW = "working-groups-view";
    /** The dashboard shows leadership the open findings of the alert service. */
    static final String FINDINGS_VIEW = "findings-view";

    /** The live application's queryable copies of the published topics. */
    private record Views(GlobalView<RepresentationFigures> figures, GlobalView<DataQuality> dataQuality,
                         GlobalView<FlowFigures> flows, GlobalView<RepresentationSnapshot> snapshots,
                         GlobalView<CompetitionFigures> competitions, GlobalView<GoalFigures> goals,
                         GlobalView<WorkingGroup> workingGroups, GlobalView<Finding> findings) {

        static Views of(StreamsBuilder builder, RepresentationTopics topics) {
            return new Views(GlobalView.of(builder, topics.figuresTopic(), topics.figures(), FIGURES_VIEW),
                    GlobalView.of(builder, topics.dataQualityTopic(), topics.dataQuality(), DATA_QUALITY_VIEW),
                    GlobalView.of(builder, topics.flowsTopic(), topics.flows(), FLOWS_VIEW),
                    GlobalView.of(builder, topics.snapshotsTopic(), topics.snapshots(), SNAPSHOTS_VIEW),
                    GlobalView.of(builder, topics.competitionsTopic(), topics.competitions(), COMPETITIONS_VIEW),
                    GlobalView.of(builder, topics.goalsTopic(), topics.goals(), GOALS_VIEW),
                    GlobalView.of(builder, topics.workingGroupsTopic(), topics.workingGroups(), WORKING_GROUPS_VIEW),
                    GlobalView.of(builder, topics.findingsTopic(), topics.findings(), FINDINGS_VIEW));
        }

        List<GlobalView<?>> all() {
            return List.of(figures, dataQuality, flows, snapshots, competitions, goals, workingGroups, findings);
        }

        /** How far each view has applied its topic, by topic. */
        Map<String, ViewProgress> progress() {
            Map<String, ViewProgress> progress = new LinkedHashMap<>();
            for (GlobalView<?> view : all()) {
                progress.put(view.progress().topic(), view.progress());
            }
            return Map.copyOf(progress);
        }
    }

    /**
     * @param applicationId   the Streams application id of the live figures (consumer group, internal topic
     *                        prefix); the flow metrics run as {@code applicationId + "-flows"}
     * @param commitInterval  how often the live application commits (each hop of a live update waits for a commit)
     * @param extraStreams    further Streams settings of both applications (state.dir, num.stream.threads, ...)
     */
    public record Settings(String bootstrapServers, Map<String, Object> registryConfig, String applicationId,
                           short replicationFactor, int partitions, RepresentationConfig representation,
                           FlowConfig flows, Duration publishInterval, Duration commitInterval,
                           Duration dayCheckInterval, Map<String, Object> extraStreams) {

        /** The service's settings: Spring's Kafka properties (with the registry's) and its own. */
        public static Settings of(RepresentationProperties properties, KafkaProperties kafka) {
            Map<String, Object> registry = StreamsViews.registrySettings(kafka);
            Map<String, Object> extra = StreamsViews.streamsSettings(kafka, properties.stateDir());
            return new Settings(String.join(",", kafka.getBootstrapServers()), registry, properties.applicationId(),
                    properties.topicReplication(), properties.topicPartitions(), properties.representationConfig(),
                    properties.flowConfig(), properties.publishInterval(), properties.commitInterval(),
                    properties.dayCheckInterval(), extra);
        }

        /** The application id of the flow metrics. */
        public String flowsApplicationId() {
            return applicationId + "-flows";
        }

        /** The application id of the goals. */
        public String goalsApplicationId() {
            return applicationId + "-goals";
        }
    }

    /**
     * How often the flow application commits: flows are published every flow publish interval, so their hops need
     * not commit often, and fewer transactions leave more of the machine to a first load.
     */
    static final Duration FLOWS_COMMIT_INTERVAL = Duration.ofMillis(500);

    private final KafkaStreams live;
    private final KafkaStreams flows;
    private final KafkaStreams goals;
    private final Views views;
    private final List<ConsumerGroup> consumerGroups;
    /** Read by the backlog watches. */
    private final Admin admin;
    private final List<BacklogWatch> backlogWatches;

    private RepresentationStreams(KafkaStreams live, KafkaStreams flows, KafkaStreams goals,
                                  List<ConsumerGroup> consumerGroups, Views views, Admin admin,
                                  List<BacklogWatch> backlogWatches) {
        this.live = live;
        this.flows = flows;
        this.goals = goals;
        this.consumerGroups = consumerGroups;
        this.views = views;
        this.admin = admin;
        this.backlogWatches = backlogWatches;
    }

    /**
     * Starts three applications: the live figures (with every queryable view), the flow metrics and the goals, each
     * with its own threads and transactions, so a first load of flows never delays a live cell, and the goals, which
     * read what the other two publish, never delay either.
     */
    public static RepresentationStreams start(Settings settings, Clock clock) {
        SchemaRegistryClient registry = new SchemaRegistryClient(new AvroSerdeConfig(settings.registryConfig()));
        provision(settings, registry);
        RepresentationTopics topics = new RepresentationTopics(registry, settings.registryConfig());
        Supplier<LocalDate> today = () -> LocalDate.now(clock.withZone(settings.representation().zone()));

        Admin admin = Admin.create(StreamsViews.adminSettings(settings.extraStreams(), settings.bootstrapServers()));
        BacklogWatch liveBacklog = new BacklogWatch(admin, settings.applicationId());
        BacklogWatch flowsBacklog = new BacklogWatch(admin, settings.flowsApplicationId());

        StreamsBuilder liveBuilder = new StreamsBuilder();
        new RepresentationTopology(topics, settings.representation(), today, settings.publishInterval(),
                settings.dayCheckInterval(), liveBacklog, settings.partitions()).build(liveBuilder);
        Views views = Views.of(liveBuilder, topics);
        Properties liveProperties = properties(settings, settings.applicationId());
        liveProperties.putAll(LiveUpdates.streamsSettings(settings.commitInterval()));

        StreamsBuilder flowsBuilder = new StreamsBuilder();
        new FlowMetricsTopology(topics, settings.representation(), settings.flows(), today, flowsBacklog)
                .build(flowsBuilder);
        Properties flowsProperties = properties(settings, settings.flowsApplicationId());
        flowsProperties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, FLOWS_COMMIT_INTERVAL.toMillis());

        StreamsBuilder goalsBuilder = new StreamsBuilder();
        new GoalTopology(topics, today, GoalTopology.PUBLISH_INTERVAL, settings.partitions()).build(goalsBuilder);
        Properties goalsProperties = properties(settings, settings.goalsApplicationId());
        // a few records per published change and a projection per changed goal every few seconds: one thread
        goalsProperties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        goalsProperties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, FLOWS_COMMIT_INTERVAL.toMillis());

        Topology liveTopology = liveBuilder.build(liveProperties);
        Topology flowsTopology = flowsBuilder.build(flowsProperties);
        Topology goalsTopology = goalsBuilder.build(goalsProperties);
        KafkaStreams live = new KafkaStreams(liveTopology, liveProperties);
        live.setGlobalStateRestoreListener(GlobalView.restoreListener(views.all()));
        KafkaStreams flows = new KafkaStreams(flowsTopology, flowsProperties);
        KafkaStreams goals = new KafkaStreams(goalsTopology, goalsProperties);
        ConsumerGroup liveGroup = ConsumerGroup.of(settings.applicationId(), liveTopology);
        ConsumerGroup flowsGroup = ConsumerGroup.of(settings.flowsApplicationId(), flowsTopology);
        // what the goals read of the published tables is work in progress, not HR input the pipeline is behind on
        ConsumerGroup goalsGroup = ConsumerGroup.of(settings.goalsApplicationId(), goalsTopology)
                .readingPublished(Set.of(topics.figuresTopic(), topics.flowsTopic()));
        RepresentationStreams streams = new RepresentationStreams(live, flows, goals,
                List.of(liveGroup, flowsGroup, goalsGroup), views, admin, List.of(liveBacklog, flowsBacklog));
        live.start();
        flows.start();
        goals.start();
        liveBacklog.start(live, liveGroup);
        flowsBacklog.start(flows, flowsGroup);
        return streams;
    }

    /** Stops the backlog watches, then both applications. */
    @Override
    public void close() {
        backlogWatches.forEach(BacklogWatch::close);
        StreamsApplication.super.close();
        admin.close(Duration.ofSeconds(2));
    }

    private static Properties properties(Settings settings, String applicationId) {
        Properties properties = BaseStreamsConfig.properties(applicationId, settings.bootstrapServers(),
                settings.replicationFactor(), settings.extraStreams());
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
        return properties;
    }

    private static void provision(Settings settings, SchemaRegistryClient registry) {
        Map<String, Object> admin = StreamsViews.adminSettings(settings.extraStreams(), settings.bootstrapServers());
        EventContractsProvisioner provisioner = new EventContractsProvisioner(settings.partitions(),
                settings.replicationFactor());
        List<TopicContract> all = new ArrayList<>(List.of(EventTopic.values()));
        all.addAll(List.of(MetricsTopic.values()));
        all.add(AlertTopic.FINDINGS);
        try (Admin client = Admin.create(admin)) {
            provisioner.createTopics(client, all);
        }
        provisioner.registerSchemas(registry, List.of(MetricsTopic.values()));
    }

    /** The live application: it holds every queryable view. */
    @Override
    public KafkaStreams streams() {
        return live;
    }

    @Override
    public Map<String, KafkaStreams> applications() {
        Map<String, KafkaStreams> applications = new LinkedHashMap<>();
        applications.put("live", live);
        applications.put("flows", flows);
        applications.put("goals", goals);
        return applications;
    }

    @Override
    public List<ConsumerGroup> consumerGroups() {
        return consumerGroups;
    }

    @Override
    public Map<String, ViewProgress> views() {
        return views.progress();
    }

    /** The live cells and flow tables waiting to settle, and the employees of both awaiting a pass, on this instance. */
    @Override
    public Unpublished unpublished() {
        long changes = pendingLiveEmployees() + pendingFlowEmployees();
        Long oldest = null;
        List<ReadOnlyKeyValueStore<String, Long>> waiting = new ArrayList<>();
        waiting.add(timesStore(live, RepresentationTopology.UNPUBLISHED_STORE));
        FlowMetricsTopology.UNPUBLISHED_STORES.forEach(name -> waiting.add(timesStore(flows, name)));
        waiting.add(timesStore(goals, GoalTopology.CHANGED_SCOPES_STORE));
        for (ReadOnlyKeyValueStore<String, Long> tables : waiting) {
            try (KeyValueIterator<String, Long> all = tables.all()) {
                while (all.hasNext()) {
                    long since = all.next().value;
                    oldest = oldest == null ? since : Math.min(oldest, since);
                    changes++;
                }
            }
        }
        return new Unpublished(changes, java.util.Optional.ofNullable(oldest).map(java.time.Instant::ofEpochMilli));
    }

    public boolean isRunning() {
        return applications().values().stream().allMatch(streams -> streams.state() == KafkaStreams.State.RUNNING);
    }

    /** The figures of every cell, as last published; answers on every instance. */
    public ReadOnlyKeyValueStore<String, RepresentationFigures> figures() {
        return views.figures().in(live);
    }

    /** The flow figures of every period and cell, as last published. */
    public ReadOnlyKeyValueStore<String, FlowFigures> flows() {
        return views.flows().in(live);
    }

    /** The quarter-end snapshots, as last published. */
    public ReadOnlyKeyValueStore<String, RepresentationSnapshot> snapshots() {
        return views.snapshots().in(live);
    }

    /** The competition funnels, as last published. */
    public ReadOnlyKeyValueStore<String, CompetitionFigures> competitions() {
        return views.competitions().in(live);
    }

    /** Every goal's figures, as last published. */
    public ReadOnlyKeyValueStore<String, GoalFigures> goals() {
        return views.goals().in(live);
    }

    /** Every working group's name, by workingGroupId. */
    public ReadOnlyKeyValueStore<String, WorkingGroup> workingGroups() {
        return views.workingGroups().in(live);
    }

    /** Every finding as last published by the alert service. */
    public ReadOnlyKeyValueStore<String, Finding> findings() {
        return views.findings().in(live);
    }

    /**
     * How many employees of this instance's flow tasks were marked by events that no pass has evaluated yet: 0 once
     * the flow metrics reflect every event the flows application has read.
     */
    public long pendingFlowEmployees() {
        return entries(flows, FlowMetricsTopology.PENDING_EMPLOYEES_STORE);
    }

    /**
     * How many employees of this instance's live tasks were marked by events that no pass has evaluated yet: 0 once
     * the live counts reflect every event the live application has read.
     */
    public long pendingLiveEmployees() {
        return entries(live, RepresentationTopology.PENDING_EMPLOYEES_STORE);
    }

    /** One of an application's stores of times or timestamps by key (waiting tables, marked employees). */
    private static ReadOnlyKeyValueStore<String, Long> timesStore(KafkaStreams application, String name) {
        return application.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, Long>keyValueStore()));
    }

    private static long entries(KafkaStreams application, String store) {
        ReadOnlyKeyValueStore<String, Long> marks = timesStore(application, store);
        long count = 0;
        try (KeyValueIterator<String, Long> employees = marks.all()) {
            for (; employees.hasNext(); employees.next()) {
                count++;
            }
        }
        return count;
    }

    /** The data-quality counts, as last published (empty before the first publication). */
    public java.util.Optional<DataQuality> dataQuality() {
        return java.util.Optional.ofNullable(views.dataQuality().in(live).get("ORG"));
    }
}
