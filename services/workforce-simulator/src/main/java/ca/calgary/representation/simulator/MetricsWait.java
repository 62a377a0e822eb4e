package ca.calgary.representation.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Follows the representation service's {@code /v1/status} until it says the pipeline is caught up, measured after
 * the wait began (so after every replayed event was accepted): then every event is processed and every metrics table
 * published. Prints the lag as it goes, and then checks the organisation's head count against the simulation's.
 */
public final class MetricsWait {

    private final URI metrics;
    private final String credentials;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public MetricsWait(URI metrics, String user, String password, PrintStream console) {
        this.metrics = metrics;
        this.credentials = ServiceAddress.basicAuthorization(user, password);
        this.console = console;
    }

    /**
     * Waits until the pipeline is caught up, at most {@code atMost}; returns whether it caught up with the
     * simulation's head count.
     */
    public boolean await(SimulationSummary expected, Duration atMost) throws InterruptedException {
        Instant from = Instant.now();
        Instant giveUp = from.plus(atMost);
        boolean terminal = System.console() != null;
        String last = "";
        while (Instant.now().isBefore(giveUp)) {
            JsonNode status = get("/v1/status");
            if (status != null && status.path("caughtUp").asBoolean()
                    && Instant.parse(status.path("observedAt").asString()).isAfter(from)) {
                if (terminal) {
                    console.println();
                }
                return reportHeadcount(expected);
            }
            String progress = status == null ? "waiting for the representation service"
                    : String.format(Locale.ROOT, "Processing: %,d events to read (%,d s behind), %,d changes to "
                            + "publish", status.path("lagEvents").asLong(), status.path("lagSeconds").asLong(),
                            status.path("unpublishedChanges").asLong());
            if (terminal) {
                console.print("\r" + progress + " ...   ");
            } else if (!progress.equals(last)) {
                console.println(progress);
            }
            last = progress;
            Thread.sleep(1000);
        }
        if (terminal) {
            console.println();
        }
        return false;
    }

    private boolean reportHeadcount(SimulationSummary expected) throws InterruptedException {
        JsonNode cells = get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL");
        long headcount = cells != null && cells.isArray() && !cells.isEmpty() ? cells.get(0).path("headcount").asLong()
                : 0;
        if (headcount != expected.activeEmployees()) {
            console.printf(Locale.ROOT, "The metrics are caught up, but the organisation's head count is %,d where "
                    + "the simulation ends with %,d.%n", headcount, expected.activeEmployees());
            return false;
        }
        console.printf(Locale.ROOT, "The metrics are up to date: %,d employees in the organisation.%n", headcount);
        return true;
    }

    /** The answer's JSON, or null while the service does not answer 200. */
    private JsonNode get(String path) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ServiceAddress.resolve(metrics, path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", credentials).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? EventFiles.JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
