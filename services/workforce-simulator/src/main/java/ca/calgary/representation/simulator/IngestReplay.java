package ca.calgary.representation.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import tools.jackson.databind.JsonNode;

/**
 * Publishes a simulation through the ingest services' public batch API ({@code POST /v1/events/batch}, NDJSON), as
 * an HR system would: in publishing order, in windows of events of which each service gets its part in one batch
 * (the three services in parallel), with a progress bar.
 *
 * <p>With a progress file, the number of events the services have accepted is written after every window; a later
 * replay of the same settings resumes after them. Re-sending is harmless anyway: every event id is stable, and the
 * services answer a repeated one as a duplicate.
 */
public final class IngestReplay {

    /** Events per window: each service's part stays well below the services' 10,000-event batch limit. */
    static final int WINDOW = 5_000;
    private static final Duration UNAVAILABLE_FOR_AT_MOST = Duration.ofMinutes(3);

    /** The ingest services' base addresses by service ("hiring", "promotion", "mentorship") and a publisher. */
    public record Target(Map<String, URI> services, String user, String password) {
    }

    /** What the services answered, over the whole replay. */
    public record Result(long sent, long accepted, long duplicates, long resumedAfter) {
    }

    /** A batch the services refused: a bug in the simulation or a misconfigured service, never retried. */
    public static final class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    private final Target target;
    private final String authorization;
    private final Path progressFile;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public IngestReplay(Target target, Path progressFile, PrintStream console) {
        this.target = target;
        this.authorization = ServiceAddress.basicAuthorization(target.user(), target.password());
        this.progressFile = progressFile;
        this.console = console;
    }

    public Result replay(Simulation simulation) throws IOException, InterruptedException {
        List<SimulatedEvent> events = simulation.events();
        String fingerprint = simulation.settings().fingerprint();
        long done = resumePoint(fingerprint);
        long accepted = 0;
        long duplicates = 0;
        ProgressBar bar = new ProgressBar(console, events.size(), done);
        for (int from = (int) done; from < events.size(); from += WINDOW) {
            List<SimulatedEvent> window = events.subList(from, Math.min(events.size(), from + WINDOW));
            Map<String, StringBuilder> batches = new LinkedHashMap<>();
            for (SimulatedEvent event : window) {
                batches.computeIfAbsent(event.service(), service -> new StringBuilder())
                        .append(EventFiles.jsonLine(event)).append('\n');
            }
            List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
            for (Map.Entry<String, StringBuilder> batch : batches.entrySet()) {
                answers.add(CompletableFuture.supplyAsync(() -> send(batch.getKey(), batch.getValue().toString())));
            }
            for (CompletableFuture<JsonNode> answer : answers) {
                JsonNode body = join(answer);
                accepted += body.path("accepted").asLong();
                duplicates += body.path("duplicates").asLong();
            }
            long sent = from + window.size();
            saveProgress(fingerprint, sent);
            bar.update(sent, window.get(window.size() - 1).effectiveDate().toString());
        }
        bar.finish();
        return new Result(events.size() - done, accepted, duplicates, done);
    }

    private static JsonNode join(CompletableFuture<JsonNode> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Sends one batch; waits out a service that is starting or briefly unavailable (503, refused connection). */
    private JsonNode send(String service, String ndjson) {
        URI base = target.services().get(service);
        if (base == null) {
            throw new IllegalArgumentException("no address for the " + service + " service");
        }
        HttpRequest request = HttpRequest.newBuilder(ServiceAddress.resolve(base, "/v1/events/batch"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8)).build();
        Instant giveUp = Instant.now().plus(UNAVAILABLE_FOR_AT_MOST);
        long pause = 500;
        for (;;) {
            String problem;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return EventFiles.JSON.readTree(response.body());
                }
                if (response.statusCode() != 503 && response.statusCode() != 502 && response.statusCode() != 504) {
                    throw new RefusedException("the " + service + " service (" + base + ") answered "
                            + response.statusCode() + ": " + response.body());
                }
                problem = "answered " + response.statusCode();
            } catch (ConnectException | HttpTimeoutException e) {
                problem = e.getClass().getSimpleName();
            } catch (IOException e) {
                problem = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the " + service + " service (" + base + ") is unavailable: " + problem);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause = Math.min(pause * 2, 10_000);
        }
    }

    /** Events already accepted by an earlier replay of the same settings, from the progress file. */
    private long resumePoint(String fingerprint) throws IOException {
        List<String> lines = keptLines(progressFile);
        return lines.size() >= 2 && lines.get(0).equals(fingerprint) ? Long.parseLong(lines.get(1).trim()) : 0;
    }

    private void saveProgress(String fingerprint, long sent) throws IOException {
        if (progressFile == null) {
            return;
        }
        Path parent = progressFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path next = Files.createTempFile(parent, "progress", ".tmp");
        Files.writeString(next, fingerprint + "\n" + sent + "\n", StandardCharsets.UTF_8);
        Files.move(next, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The settings of the replay a progress file belongs to, if it has one. */
    public static Optional<String> keptFingerprint(Path progressFile) throws IOException {
        return keptLines(progressFile).stream().findFirst();
    }

    /** A progress file's lines: the settings' fingerprint, then how many events the services have accepted. */
    private static List<String> keptLines(Path progressFile) throws IOException {
        return progressFile == null || !Files.exists(progressFile) ? List.of()
                : Files.readAllLines(progressFile, StandardCharsets.UTF_8);
    }
}
