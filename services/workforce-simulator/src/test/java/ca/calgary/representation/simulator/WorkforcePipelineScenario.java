package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import ca.calgary.representation.ingest.web.Http;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline end to end on a simulated workforce, as {@code ./run-local} runs it: the simulation replayed
 * through the ingest services' public API; the representation service's figures equal to what the simulation knows
 * of its workforce on the last day (head counts by tier, respondents); flow metrics and competition funnels
 * published; the gaps the simulation builds into senior ranks raised as alerts; a second replay resumes after
 * everything and sends nothing; a replay without kept progress is answered entirely as duplicates.
 */
final class WorkforcePipelineScenario {

    /** A fixed last day keeps the events, and so every figure, the same from run to run. */
    static final SimulationSettings SETTINGS = new SimulationSettings(2023, 1_500, 3, LocalDate.of(2026, 9, 30));

    private WorkforcePipelineScenario() {
    }

    static void run(Pipeline pipeline) throws Exception {
        Simulation simulation = WorkforceSimulation.run(SETTINGS);
        SimulationSummary expected = simulation.summary();
        Path progress = Files.createTempDirectory("simulation-").resolve("progress");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        IngestReplay replay = new IngestReplay(pipeline.ingestTarget(), progress,
                new PrintStream(console, true, StandardCharsets.UTF_8));

        long started = System.nanoTime();
        IngestReplay.Result first = replay.replay(simulation);
        long replayed = System.nanoTime();
        assertThat(first.accepted()).isEqualTo(simulation.events().size());
        assertThat(first.duplicates()).isZero();

        java.net.URI metricsAddress = java.net.URI.create("http://127.0.0.1:"
                + Pipeline.port(pipeline.representation));
        // the simulated City's own goals, set by an administrator as the one-command run does
        CityGoals.publish(metricsAddress, "admin", "admin-secret", new PrintStream(console, true,
                StandardCharsets.UTF_8));
        Http metrics = Pipeline.http(pipeline.representation);
        assertThat(new MetricsWait(metricsAddress, "leader", "leader-secret",
                new PrintStream(console, true, StandardCharsets.UTF_8)).await(expected, Duration.ofMinutes(4)))
                .as("caught up within 4 minutes; the replay and the wait said:%n%s",
                        console.toString(StandardCharsets.UTF_8)).isTrue();
        // Caught up means final: the figures are asserted at once, not awaited.
        assertFiguresOf(metrics, expected);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metrics.get(
                "/v1/goal-figures?scope=SERVICE_LINE:POLICE&tier=MANAGEMENT&group=RACIALIZED", Pipeline.LEADER)
                .json().path(0).path("targetShare").asDouble()).isEqualTo(0.25));
        System.out.printf("Replayed %,d events in %.1f s; every metrics table caught up %.1f s after the start%n",
                simulation.events().size(), (replayed - started) / 1e9, (System.nanoTime() - started) / 1e9);

        // The simulated organisation under-represents Indigenous, Black and racialized staff in management.
        Http alerts = Pipeline.http(pipeline.alerts);
        alerts.awaitCaughtUp(Pipeline.OFFICER, Instant.now(), Duration.ofMinutes(2));
        // ... found in several tiers of the organisation, and listed as fewer findings, each headed by its broadest
        int findings = alerts.get("/v1/alerts?open=true&rule=REPRESENTATION_GAP&scopePrefix=ORG", Pipeline.OFFICER)
                .json().size();
        int cells = alerts.get("/v1/alerts?view=cells&open=true&rule=REPRESENTATION_GAP&scopePrefix=ORG",
                Pipeline.OFFICER).json().size();
        assertThat(findings).isPositive().isLessThanOrEqualTo(cells);

        System.out.printf("Flows, competitions and alerts published %.1f s after the start%n",
                (System.nanoTime() - started) / 1e9);
        IngestReplay.Result resumed = replay.replay(simulation);
        assertThat(resumed.sent()).isZero();
        assertThat(resumed.resumedAfter()).isEqualTo(simulation.events().size());

        IngestReplay.Result again = new IngestReplay(pipeline.ingestTarget(), null,
                new PrintStream(console, true, StandardCharsets.UTF_8)).replay(simulation);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(simulation.events().size());
        assertThat(total(metrics, "ALL", "TOTAL").path("headcount").asLong()).isEqualTo((long) expected.activeEmployees());
    }

    /**
     * The representation service's figures are what the simulation knows of its workforce on the last day: head
     * counts by tier and respondents, and flows and competition funnels published.
     */
    static void assertFiguresOf(Http metrics, SimulationSummary expected) {
        assertThat(total(metrics, "ALL", "TOTAL").path("headcount").asLong())
                .isEqualTo((long) expected.activeEmployees());
        assertThat(total(metrics, "ALL", "RESPONDED").path("count").asLong()).isEqualTo((long) expected.respondents());
        assertThat(total(metrics, "EXECUTIVE", "TOTAL").path("headcount").asLong())
                .isEqualTo(expected.headcountByLevel().get("EXECUTIVE").longValue());
        assertThat(total(metrics, "SENIOR_LEADERSHIP", "TOTAL").path("headcount").asLong())
                .isEqualTo((long) expected.headcountByLevel().get("EXECUTIVE")
                        + expected.headcountByLevel().get("DIRECTOR"));
        assertThat(metrics.get("/v1/flows?period=R12M-2026-Q2&scope=ORG&tier=MANAGEMENT&group=TOTAL",
                Pipeline.LEADER).json().path(0).path("promotionsInto").asLong()).isPositive();
        assertThat(metrics.get("/v1/competitions?period=R12M-2026-Q2&scope=ORG&tier=LEADERSHIP&group=TOTAL",
                Pipeline.LEADER).json().size()).isPositive();
        assertWorkingGroupsOf(metrics, expected);
        // the seeded goal of racialized staff in the organisation's leadership, at the benchmark, projected from the
        // published figures of the simulated City (goals are republished at most every 5 s)
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode goal = metrics.get("/v1/goal-figures?scope=ORG&tier=LEADERSHIP&group=RACIALIZED",
                    Pipeline.LEADER).json().path(0);
            assertThat(goal.path("targetShareFrom").stringValue()).isEqualTo("BENCHMARK");
            assertThat(goal.path("count").asLong()).isEqualTo(total(metrics, "LEADERSHIP", "RACIALIZED")
                    .path("count").asLong());
            assertThat(goal.path("withheld")).as(goal.toString()).isEmpty();
            assertThat(goal.path("flowsPeriod").stringValue()).startsWith("R12M-");
            assertThat(goal.path("requiredShareOfAppointments").isNumber()).isTrue();
            assertThat(goal.path("verdict").stringValue()).isIn("ON_TRACK", "OFF_TRACK");
            assertThat(goal.path("projection")).isNotEmpty();
        });
        JsonNode goal = metrics.get("/v1/goal-figures?scope=ORG&tier=LEADERSHIP&group=RACIALIZED", Pipeline.LEADER)
                .json().path(0);
        JsonNode end = goal.path("projection").path(goal.path("projection").size() - 1);
        System.out.printf("Goal, racialized staff in ORG × LEADERSHIP: %.1f%% today against %.1f%%, %d people short; "
                        + "%.0f%% of %.0f expected appointments needed (%.0f%% available); projected %.1f%% "
                        + "(%.1f-%.1f%%) on %s: %s; assumptions: %s%n", 100 * goal.path("representation").asDouble(),
                100 * goal.path("targetShare").asDouble(), goal.path("peopleShort").asLong(),
                100 * goal.path("requiredShareOfAppointments").asDouble(), goal.path("appointmentsExpected").asDouble(),
                100 * goal.path("availableShare").asDouble(), 100 * end.path("share").asDouble(),
                100 * end.path("low").asDouble(), 100 * end.path("high").asDouble(), end.path("date").asString(),
                goal.path("verdict").asString(), goal.path("assumptions"));
    }

    /**
     * Each working group's members and leaders as the simulation knows them on the last day (all its holders are
     * active), with its name; the Anti-Hate Working Group's line is printed.
     */
    static void assertWorkingGroupsOf(Http metrics, SimulationSummary expected) {
        JsonNode groups = metrics.get("/v1/working-groups", Pipeline.LEADER).json();
        assertThat(groups.findValuesAsString("workingGroupId"))
                .containsExactlyInAnyOrderElementsOf(expected.workingGroups().keySet());
        for (JsonNode group : groups) {
            SimulationSummary.WorkingGroupSeats seats = expected.workingGroups().get(group.path("workingGroupId")
                    .asString());
            assertThat(group.path("workingGroupName").asString()).isEqualTo(seats.name());
            assertThat(headcount(group.path("members"))).as(seats.name()).isEqualTo(seats.members());
            assertThat(headcount(group.path("leadership"))).as(seats.name()).isEqualTo(seats.leaders());
            if (seats.name().equals("Anti-Hate Working Group")) {
                System.out.printf("%s: %d members, %d in leadership roles; Indigenous, Black and racialized: %s of "
                                + "the members, %s of the leadership%n", seats.name(), seats.members(),
                        seats.leaders(), share(group.path("members")), share(group.path("leadership")));
            }
        }
    }

    private static long headcount(JsonNode cells) {
        for (JsonNode cell : cells) {
            if (cell.path("group").asString().equals("TOTAL")) {
                return cell.path("headcount").asLong();
            }
        }
        return 0;
    }

    private static String share(JsonNode cells) {
        for (JsonNode cell : cells) {
            if (cell.path("group").asString().equals("INDIGENOUS_BLACK_RACIALIZED")) {
                return cell.path("suppressed").asBoolean() ? "suppressed"
                        : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * cell.path("representation").asDouble());
            }
        }
        return "no one";
    }

    private static JsonNode total(Http metrics, String tier, String group) {
        return metrics.get("/v1/representation?scope=ORG&tier=" + tier + "&group=" + group, Pipeline.LEADER).json()
                .path(0);
    }
}
