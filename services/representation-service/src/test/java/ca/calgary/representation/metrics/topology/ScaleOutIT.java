package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.metrics.app.RepresentationStreamsIT;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import ca.calgary.representation.serde.AvroSerdeConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service on the real broker share the work of both applications (live figures and flow
 * metrics: every application's tasks split between them) and publish exactly the figures one instance publishes
 * (the topology test driver, single-task per sub-topology, on the same events), and each instance answers every
 * read from its global views.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 6;

    @TempDir
    Path data;

    @Test
    void twoInstancesPublishWhatOneDoes() throws Exception {
        Random random = new Random(29);
        List<OutgoingEvent> events = new ArrayList<>(ArrivalOrderPropertyTest.randomHistory(random, 80));
        events.addAll(FlowArrivalOrderPropertyTest.competitions(random));
        Published one = oneInstance(events);
        assertThat(one.figures()).isNotEmpty();
        assertThat(one.flows()).isNotEmpty();
        assertThat(one.snapshots()).isNotEmpty();
        assertThat(one.competitions()).isNotEmpty();

        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(data.resolve("platform")))) {
            Map<String, Object> registry = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
            Clock clock = Clock.fixed(ArrivalOrderPropertyTest.AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC),
                    ZoneOffset.UTC);
            try (RepresentationStreams first = RepresentationStreams.start(settings(platform, registry, "first"), clock);
                 RepresentationStreams second = RepresentationStreams.start(settings(platform, registry, "second"),
                         clock)) {
                // both instances hold tasks of both applications before any event arrives
                Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            for (RepresentationStreams instance : List.of(first, second)) {
                                assertThat(instance.isRunning()).isTrue();
                                instance.applications().forEach((name, application) ->
                                        assertThat(activeTasks(application)).as(name).isPositive());
                            }
                        });
                RepresentationStreamsIT.publish(platform, events, registry);
                Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                        .untilAsserted(() -> {
                            assertThat(published(first)).isEqualTo(one);
                            assertThat(published(second)).isEqualTo(one);
                        });
            }
        }
    }

    private RepresentationStreams.Settings settings(LocalPlatform platform, Map<String, Object> registry,
                                                    String instance) throws Exception {
        return new RepresentationStreams.Settings(platform.bootstrapServers(), registry, "scale-out-it", (short) 1,
                PARTITIONS, ArrivalOrderPropertyTest.CONFIG, FlowArrivalOrderPropertyTest.flowConfig(2_000),
                Duration.ofMillis(100), Duration.ofMillis(25), Duration.ofSeconds(5), Map.of(
                        StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(data.resolve(instance)).toString(),
                        StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1));
    }

    private static int activeTasks(KafkaStreams application) {
        return application.metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum();
    }

    /** One instance: the topology test driver on the same events, settled. */
    private static Published oneInstance(List<OutgoingEvent> events) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(ArrivalOrderPropertyTest.CONFIG,
                FlowArrivalOrderPropertyTest.flowConfig(2_000), ArrivalOrderPropertyTest.AS_OF)) {
            events.forEach(topology::pipe);
            FlowArrivalOrderPropertyTest.settle(topology, ArrivalOrderPropertyTest.AS_OF);
            Map<String, String> figures = new TreeMap<>();
            topology.publish().forEach((key, value) -> figures.put(key, value.toString()));
            FlowArrivalOrderPropertyTest.Published flows = FlowArrivalOrderPropertyTest.published(topology);
            return new Published(figures, flows.flows(), flows.snapshots(), flows.competitions());
        }
    }

    /** What an instance's views hold, revisions left out (how often a key was restated depends on timing). */
    private static Published published(RepresentationStreams instance) {
        Map<String, String> figures = new TreeMap<>();
        all(instance.figures()).forEach((key, f) -> figures.put(key, f.toString()));
        Map<String, String> flows = new TreeMap<>();
        all(instance.flows()).forEach((key, f) ->
                flows.put(key, FlowFigures.newBuilder(f).setRevision(0).build().toString()));
        Map<String, String> snapshots = new TreeMap<>();
        all(instance.snapshots()).forEach((key, s) ->
                snapshots.put(key, RepresentationSnapshot.newBuilder(s).setRevision(0).build().toString()));
        Map<String, String> competitions = new TreeMap<>();
        all(instance.competitions()).forEach((key, c) ->
                competitions.put(key, CompetitionFigures.newBuilder(c).setRevision(0).build().toString()));
        return new Published(figures, flows, snapshots, competitions);
    }

    private static <V> Map<String, V> all(ReadOnlyKeyValueStore<String, V> view) {
        Map<String, V> all = new TreeMap<>();
        try (KeyValueIterator<String, V> entries = view.all()) {
            entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }

    record Published(Map<String, String> figures, Map<String, String> flows, Map<String, String> snapshots,
                     Map<String, String> competitions) {
    }
}
