package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's protocol against a stand-in for the three ingest services (the real ones: WorkforcePipelineIT). */
class IngestReplayTest {

    static Simulation simulation;
    HttpServer server;
    final Map<String, List<String>> received = new ConcurrentHashMap<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger unavailableAnswers = new AtomicInteger();
    volatile int refuseWith;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeAll
    static void simulate() {
        simulation = WorkforceSimulation.run(new SimulationSettings(5, 3_000, 2, LocalDate.of(2026, 6, 30)));
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String service : List.of("hiring", "promotion", "mentorship")) {
            server.createContext("/" + service + "/v1/events/batch", exchange -> {
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status;
                String answer;
                if (unavailableAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    status = 503;
                    answer = "{\"title\":\"starting\"}";
                } else if (refuseWith != 0) {
                    status = refuseWith;
                    answer = "{\"title\":\"Invalid events\",\"detail\":\"1 of 2 event(s) are invalid\"}";
                } else {
                    List<String> lines = body.lines().toList();
                    received.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).addAll(lines);
                    status = 202;
                    answer = "{\"accepted\":" + lines.size() + ",\"duplicates\":0}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private IngestReplay replay(Path progress) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new IngestReplay(new IngestReplay.Target(Map.of("hiring", URI.create(base + "/hiring/"),
                "promotion", URI.create(base + "/promotion/"), "mentorship", URI.create(base + "/mentorship/")),
                "hr-publisher", "secret"), progress, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @Test
    void eachServiceGetsItsOwnEventsInOrderAsTheNamedPublisher(@TempDir Path dir) throws Exception {
        IngestReplay.Result result = replay(dir.resolve("progress")).replay(simulation);
        assertThat(result.accepted()).isEqualTo(simulation.events().size());
        for (String service : List.of("hiring", "promotion", "mentorship")) {
            assertThat(received.get(service)).isEqualTo(simulation.events().stream()
                    .filter(event -> event.service().equals(service)).map(EventFiles::jsonLine).toList());
        }
        assertThat(authorizations).allMatch(header -> header.equals("Basic aHItcHVibGlzaGVyOnNlY3JldA=="));
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("100%");
    }

    @Test
    void aSecondReplayResumesAfterWhatWasAccepted(@TempDir Path dir) throws Exception {
        Path progress = dir.resolve("progress");
        Files.writeString(progress, simulation.settings().fingerprint() + "\n" + IngestReplay.WINDOW + "\n");
        IngestReplay.Result result = replay(progress).replay(simulation);
        assertThat(result.resumedAfter()).isEqualTo(IngestReplay.WINDOW);
        assertThat(result.sent()).isEqualTo(simulation.events().size() - IngestReplay.WINDOW);
        assertThat(received.values().stream().mapToInt(List::size).sum())
                .isEqualTo(simulation.events().size() - IngestReplay.WINDOW);
        assertThat(Files.readAllLines(progress)).containsExactly(simulation.settings().fingerprint(),
                String.valueOf(simulation.events().size()));
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Resuming after 5,000 events");
    }

    @Test
    void aServiceThatIsStillStartingIsWaitedFor(@TempDir Path dir) throws Exception {
        unavailableAnswers.set(3);
        IngestReplay.Result result = replay(null).replay(simulation);
        assertThat(result.accepted()).isEqualTo(simulation.events().size());
    }

    @Test
    void aRefusedBatchStopsTheReplayWithTheServicesAnswerAndKeepsTheProgress(@TempDir Path dir) {
        refuseWith = 400;
        Path progress = dir.resolve("progress");
        assertThatThrownBy(() -> replay(progress).replay(simulation))
                .isInstanceOf(IngestReplay.RefusedException.class)
                .hasMessageContaining("answered 400").hasMessageContaining("1 of 2 event(s) are invalid");
        assertThat(progress).doesNotExist();
    }
}
