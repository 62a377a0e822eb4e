package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.events.contract.Payloads;
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
 * (the topology test driver, single-task per sub-topology, on the same events: a random history with competitions,
 * mentorship and working groups), and each instance answers every read from its global views.
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
        events.addAll(workingGroupAppointments(random, 80));
        Published one = oneInstance(events);
        assertThat(one.figures()).isNotEmpty().containsKeys("WORKING_GROUP:WG-A|ALL|TOTAL",
                "WORKING_GROUP:WG-B|LEADERSHIP|TOTAL");
        assertThat(one.workingGroups()).containsOnlyKeys("WG-A", "WG-B");
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

    /** Every third employee of the random history appointed to one of two working groups; some appointments end. */
    private static List<OutgoingEvent> workingGroupAppointments(Random random, int employees) {
        List<OutgoingEvent> events = new ArrayList<>();
        for (int e = 0; e < employees; e += 3) {
            String key = "employee-" + e;
            String group = e % 2 == 0 ? "WG-A" : "WG-B";
            LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1800));
            events.add(ArrivalOrderPropertyTest.mentorship(key, "appointed-" + e, day, Payloads.workingGroupAppointed(
                    group, "Working group " + group, e % 9 == 0 ? WorkingGroupRole.CHAIR : WorkingGroupRole.MEMBER)));
            if (random.nextInt(4) == 0) {
                events.add(ArrivalOrderPropertyTest.mentorship(key, "appointment-ended-" + e, day.plusDays(200),
                        Payloads.workingGroupAppointmentEnded(group)));
            }
        }
        return events;
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
            Map<String, String> workingGroups = new TreeMap<>();
            topology.workingGroups().forEach((key, value) -> workingGroups.put(key, value.toString()));
            return new Published(figures, flows.flows(), flows.snapshots(), flows.competitions(), workingGroups);
        }
    }

    /**
     * What an instance's views hold, revisions and release days left out (how often a key was restated, and on which
     * day, depends on timing).
     */
    private static Published published(RepresentationStreams instance) {
        Map<String, String> figures = new TreeMap<>();
        all(instance.figures()).forEach((key, f) -> figures.put(key, f.toString()));
        Map<String, String> flows = new TreeMap<>();
        all(instance.flows()).forEach((key, f) ->
                flows.put(key, FlowFigures.newBuilder(f).setRevision(0).setReleasedOn(null).build().toString()));
        Map<String, String> snapshots = new TreeMap<>();
        all(instance.snapshots()).forEach((key, s) ->
                snapshots.put(key, RepresentationSnapshot.newBuilder(s).setRevision(0).setReleasedOn(null).build()
                        .toString()));
        Map<String, String> competitions = new TreeMap<>();
        all(instance.competitions()).forEach((key, c) ->
                competitions.put(key, CompetitionFigures.newBuilder(c).setRevision(0).setReleasedOn(null).build()
                        .toString()));
        Map<String, String> workingGroups = new TreeMap<>();
        all(instance.workingGroups()).forEach((key, w) -> workingGroups.put(key, w.toString()));
        return new Published(figures, flows, snapshots, competitions, workingGroups);
    }

    private static <V> Map<String, V> all(ReadOnlyKeyValueStore<String, V> view) {
        Map<String, V> all = new TreeMap<>();
        try (KeyValueIterator<String, V> entries = view.all()) {
            entries.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }

    record Published(Map<String, String> figures, Map<String, String> flows, Map<String, String> snapshots,
                     Map<String, String> competitions, Map<String, String> workingGroups) {
    }
}
