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
 * Follows the representation service until its live head count of the whole organisation is the simulation's own
 * head count on the last day: then every replayed event has been processed. Prints the head count as it goes.
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

    /** Waits until the head count matches, at most {@code atMost}; returns whether it did. */
    public boolean await(SimulationSummary expected, Duration atMost) throws InterruptedException {
        Instant giveUp = Instant.now().plus(atMost);
        boolean terminal = System.console() != null;
        long last = -1;
        while (Instant.now().isBefore(giveUp)) {
            long headcount = headcount();
            if (headcount == expected.activeEmployees()) {
                if (terminal) {
                    console.println();
                }
                console.printf(Locale.ROOT, "The metrics are up to date: %,d employees in the organisation.%n",
                        headcount);
                return true;
            }
            if (terminal) {
                console.printf(Locale.ROOT, "\rProcessing: the organisation's live head count is %,d (the simulation "
                        + "ends with %,d) ...   ", Math.max(0, headcount), expected.activeEmployees());
            } else if (headcount != last) {
                console.printf(Locale.ROOT, "Processing: live head count %,d of %,d%n", Math.max(0, headcount),
                        expected.activeEmployees());
            }
            last = headcount;
            Thread.sleep(2000);
        }
        if (terminal) {
            console.println();
        }
        return false;
    }

    private long headcount() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(ServiceAddress.resolve(metrics,
                        "/v1/representation?scope=ORG&tier=ALL&group=TOTAL"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", credentials).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return -1;
            }
            JsonNode cells = EventFiles.JSON.readTree(response.body());
            return cells.isArray() && !cells.isEmpty() ? cells.get(0).path("headcount").asLong() : 0;
        } catch (IOException e) {
            return -1;
        }
    }
}
