package ca.calgary.representation.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.support.CsvWriter;

/**
 * The simulated City's own numerical goals (SPEC §11), beyond the framework's that the representation service seeds:
 * what a City's equity plans would set for the police service's management and for public-safety senior roles. The
 * simulator writes them beside its events ({@code goals.csv}, the layout of the service's seed file) and, on a replay
 * with an administrator, sets them through {@code PUT /v1/goals}, as an administrator would.
 */
final class CityGoals {

    /** One goal: a null targetShare follows the benchmark. */
    record Goal(String scope, String tier, String group, Double targetShare, String targetDate, String source) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scope", scope);
            json.put("tier", tier);
            json.put("group", group);
            json.put("targetShare", targetShare);
            json.put("targetDate", targetDate);
            json.put("source", source);
            return json;
        }
    }

    private static final String POLICE_PLAN = "Simulated City: Calgary Police Service equity action plan (simulation)";
    private static final String CITY_PLAN = "Simulated City: corporate employment equity plan (simulation)";

    static final List<Goal> GOALS = List.of(
            new Goal("SERVICE_LINE:POLICE", "MANAGEMENT", "RACIALIZED", 0.25, "2027-12-31", POLICE_PLAN),
            new Goal("SERVICE_LINE:POLICE", "MANAGEMENT", "INDIGENOUS", null, "2027-12-31", POLICE_PLAN),
            new Goal("PUBLIC_SAFETY", "MANAGEMENT", "BLACK", 0.05, "2030-12-31", CITY_PLAN),
            new Goal("ORG", "MANAGEMENT", "RACIALIZED", 0.30, "2027-12-31", CITY_PLAN));

    static final List<String> CSV_COLUMNS = List.of("scope", "tier", "group", "targetShare", "targetDate", "source");

    private CityGoals() {
    }

    /** Writes {@code directory/goals.csv}. */
    static Path write(Path directory) throws IOException {
        StringBuilder csv = new StringBuilder(CsvWriter.row(CSV_COLUMNS));
        for (Goal goal : GOALS) {
            List<Object> row = new ArrayList<>();
            goal.json().values().forEach(value -> row.add(value == null ? "" : value));
            csv.append(CsvWriter.row(row));
        }
        Path file = Files.createDirectories(directory).resolve("goals.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** Sets every goal through the representation service's API as an ADMINISTRATOR; fails on the first refusal. */
    static void publish(URI metrics, String user, String password, PrintStream out)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (Goal goal : GOALS) {
            HttpRequest request = HttpRequest.newBuilder(ServiceAddress.resolve(metrics, "/v1/goals"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", ServiceAddress.basicAuthorization(user, password))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(EventFiles.JSON.writeValueAsString(goal.json())))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("PUT /v1/goals answered " + response.statusCode() + " for " + goal + ": "
                        + response.body());
            }
        }
        out.printf("Set the simulated City's %d goals (/v1/goals).%n", GOALS.size());
    }
}
