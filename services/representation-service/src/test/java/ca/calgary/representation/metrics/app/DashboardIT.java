package ca.calgary.representation.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.events.contract.AlertTopic;
import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.TestIngestApplication;
import ca.calgary.representation.metrics.RepresentationServiceApplication;
import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import ca.calgary.representation.serde.AvroSerdeConfig;
import ca.calgary.representation.serde.AvroSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The leadership dashboard in headless Chromium (Debian's package, driven through its ChromeDriver) against the
 * running pipeline on its own broker and registry: sign-in, figures checked against the API,
 * suppressed counts shown as "&lt;k", a drill-down through units, open alerts, live updates without reload, a table
 * view for every chart; screenshots in {@code target/dashboard-screenshots}. Skipped where Chromium is not installed,
 * except on CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
class DashboardIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String LEADER = "leader:leader-secret";
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static LocalPlatform platform;
    private static ConfigurableApplicationContext hiring;
    private static ConfigurableApplicationContext mentorship;
    private static ConfigurableApplicationContext promotion;
    private static ConfigurableApplicationContext representation;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("Chromium and ChromeDriver must be installed on CI (.ci/run installs Debian's chromium, chromium-driver)");
        }
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(Files.createTempDirectory("dashboard-it-")));
        String kafka = "--spring.kafka.bootstrap-servers=" + platform.bootstrapServers();
        String registry = "--spring.kafka.properties.schema.registry.url=" + platform.registryUrl();
        hiring = TestIngestApplication.start("HIRING", "hiring-dashboard-e2e", platform.bootstrapServers(),
                platform.registryUrl());
        mentorship = TestIngestApplication.start("MENTORSHIP", "mentorship-dashboard-e2e",
                platform.bootstrapServers(), platform.registryUrl());
        promotion = TestIngestApplication.start("PROMOTION", "promotion-dashboard-e2e", platform.bootstrapServers(),
                platform.registryUrl());
        representation = new SpringApplicationBuilder(RepresentationServiceApplication.class).run(
                "--spring.config.name=application", "--server.port=0",
                "--representation.metrics.application-id=representation-dashboard-e2e",
                "--representation.metrics.publish-interval=500ms",
                "--representation.metrics.topic-partitions=3",
                "--representation.metrics.benchmarks-file=benchmarks.csv",
                "--representation.metrics.goals-file=" + goalsFile(),
                "--representation.metrics.state-dir=" + Files.createTempDirectory("representation-dashboard-"),
                "--representation.security.users[0].name=leader",
                "--representation.security.users[0].password={noop}leader-secret",
                "--representation.security.users[0].roles[0]=LEADERSHIP", kafka, registry);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,2400",
                "--user-data-dir=" + Files.createTempDirectory("dashboard-chromium-"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(SCREENSHOTS);

        // Both tests read the organisation of golden case 06 (64 staff, small cells) and one open alert.
        String events = Files.readString(ProjectFiles.golden().resolve("06-small-cells/events.jsonl"));
        assertThat(http(hiring).post("/v1/events/batch", "application/x-ndjson", events, Http.PUBLISHER).status())
                .isEqualTo(202);
        // ... and a working group of 14 of them, 3 of whom co-chair it
        StringBuilder appointments = new StringBuilder(
                "eventId,employeeId,effectiveDate,workingGroupId,workingGroupName,role\n");
        for (int i = 0; i < 14; i++) {
            appointments.append(String.format("wg-%d,E30%02d,2024-03-01,AH,Anti-Hate Working Group,%s%n", i, i,
                    i < 3 ? "CO_CHAIR" : "MEMBER"));
        }
        assertThat(http(mentorship).post("/v1/events/WorkingGroupAppointed/csv", "text/csv",
                appointments.toString(), Http.PUBLISHER).status()).isEqualTo(202);
        // ... and a competition for a fire-department manager's post six months ago (within the latest complete
        // 12 months whenever the test runs): 40 apply, 12 are shortlisted, no one is appointed yet
        java.time.LocalDate opened = java.time.LocalDate.now().minusMonths(6);
        StringBuilder competition = new StringBuilder("{\"type\":\"PromotionCompetitionOpened\",\"eventId\":\"c-open\","
                + "\"effectiveDate\":\"" + opened + "\",\"competitionId\":\"FIRE-MGR-1\",\"position\":{\"jobCode\":"
                + "\"FIR-MGR\",\"jobTitle\":\"Captain\",\"level\":\"MANAGER\",\"orgUnitPath\":"
                + "\"City/Public Safety/Calgary Fire Department/Operations\",\"serviceLine\":\"FIRE\"}}\n");
        for (int i = 0; i < 40; i++) {
            String stage = "\"employeeId\":\"" + String.format("E30%02d", i) + "\",\"competitionId\":\"FIRE-MGR-1\"}\n";
            competition.append("{\"type\":\"PromotionApplicationSubmitted\",\"eventId\":\"c-apply-" + i
                    + "\",\"effectiveDate\":\"" + opened.plusDays(5) + "\"," + stage);
            if (i % 3 == 0 && i < 36) {
                competition.append("{\"type\":\"PromotionCandidateShortlisted\",\"eventId\":\"c-short-" + i
                        + "\",\"effectiveDate\":\"" + opened.plusDays(20) + "\"," + stage);
            }
        }
        assertThat(http(promotion).post("/v1/events/batch", "application/x-ndjson", competition.toString(),
                Http.PUBLISHER).status()).isEqualTo(202);
        Http metrics = http(representation);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() ->
                metrics.get("/actuator/health/readiness", null).status() == 200);
        metrics.awaitCaughtUp(LEADER, java.time.Instant.now(), Duration.ofSeconds(120));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                !metrics.get("/v1/goal-figures?scope=ORG", LEADER).json().isEmpty());
        publishOpenFinding("REPRESENTATION_GAP|PUBLIC_SAFETY|MANAGEMENT|BLACK", "REPRESENTATION_GAP", "PUBLIC_SAFETY",
                "BLACK", "Black representation in PUBLIC_SAFETY × MANAGEMENT is 2.0% against a benchmark of 5.0% "
                + "(index 0.40, p = 0.0010, headcount 200).");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {representation, hiring,
                mentorship, promotion}) {
            if (context != null) {
                context.close();
            }
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Http http(ConfigurableApplicationContext context) {
        Http http = new Http(port(context));
        Awaitility.await().atMost(Duration.ofSeconds(120))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
        return http;
    }

    /** Waits on the page, which re-renders as figures change (an element read mid-render is read again). */
    /** Clicks what {@code target} finds; the page re-renders on live updates, so a found button may be replaced. */
    private static void click(By target) {
        page(15).until(() -> {
            browser.findElement(target).click();
            return true;
        });
    }

    private static org.awaitility.core.ConditionFactory page(int seconds) {
        return Awaitility.await().atMost(Duration.ofSeconds(seconds))
                .ignoreExceptionsInstanceOf(StaleElementReferenceException.class);
    }

    private static void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The representation table's rows by group label, cells as shown. */
    private static Map<String, List<String>> representationRows() {
        Map<String, List<String>> rows = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("#representation-table tbody tr"))) {
            List<String> cells = row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
            rows.put(cells.get(0), cells);
        }
        return rows;
    }

    /** The values of a chart's dataset, as the charting library holds them (null: no bar or point). */
    private static List<?> chartData(String holder, int dataset) {
        return (List<?>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const canvas = document.querySelector('#' + arguments[0] + ' canvas');"
                        + "const chart = canvas && Chart.getChart(canvas);"
                        + "return chart ? chart.data.datasets[arguments[1]].data : null;", holder, dataset);
    }

    private static String pct(JsonNode value) {
        return value.isNull() ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * value.asDouble());
    }

    @Test
    void aLeaderSeesTheFiguresOfTheApiAndDrillsDown() throws Exception {
        Http metrics = http(representation);

        signIn();
        screenshot("01-signed-in");

        // The whole organisation, all staff: every figure as the API gives it; suppressed counts as "<10".
        new Select(browser.findElement(By.id("scope"))).selectByValue("ORG");
        new Select(browser.findElement(By.id("tier"))).selectByValue("ALL");
        JsonNode api = metrics.get("/v1/representation?scope=ORG&tier=ALL", LEADER).json();
        page(15).untilAsserted(() -> {
            Map<String, List<String>> rows = representationRows();
            for (JsonNode cell : api) {
                String label = switch (cell.path("group").stringValue()) {
                    case "INDIGENOUS" -> "Indigenous";
                    case "BLACK" -> "Black";
                    case "RACIALIZED" -> "Racialized";
                    case "INDIGENOUS_BLACK_RACIALIZED" -> "Indigenous, Black and racialized";
                    default -> null;
                };
                if (label == null) {
                    continue;
                }
                List<String> row = rows.get(label);
                assertThat(row).as(label).isNotNull();
                assertThat(row.get(1)).isEqualTo(cell.path("suppressed").asBoolean() ? "<10"
                        : String.valueOf(cell.path("count").asLong()));
                assertThat(row.get(2)).isEqualTo(String.valueOf(cell.path("headcount").asLong()));
                assertThat(row.get(3)).isEqualTo(pct(cell.path("representation")));
                assertThat(row.get(5)).isEqualTo(pct(cell.path("benchmark")));
                assertThat(row.get(9)).as("each figure shows the day it was released")
                        .isEqualTo(cell.path("asOf").stringValue());
            }
        });
        // read again on a live re-render (the page re-renders when a stream event or the pipeline status arrives)
        page(15).untilAsserted(() ->
                assertThat(representationRows().values()).anyMatch(row -> row.get(1).equals("<10")));
        page(15).untilAsserted(() -> assertThat(browser.findElement(By.id("freshness")).getText())
                .as("the page says how fresh its figures are").startsWith("Figures computed ")
                .contains("Up to date"));
        screenshot("02-organisation");

        // The scope's goals, each as the API publishes it (SPEC §11).
        JsonNode goal = metrics.get("/v1/goal-figures?scope=ORG&tier=ALL&group=INDIGENOUS_BLACK_RACIALIZED", LEADER)
                .json().get(0);
        page(15).untilAsserted(() -> {
            List<String> row = browser.findElements(By.cssSelector("#goals tbody tr")).stream()
                    .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                    .filter(cells -> cells.get(0).equals("Indigenous, Black and racialized, ALL")).findFirst()
                    .orElse(null);
            assertThat(row).as("the goal's row").isNotNull();
            assertThat(row.get(1)).isEqualTo("50.0% by 2027-12-31");
            assertThat(row.get(2)).isEqualTo(goal.path("count").isNull() ? "<10" : pct(goal.path("representation")));
            assertThat(row.get(3)).isEqualTo(goal.path("peopleShort").isNull() ? "—"
                    : String.valueOf(goal.path("peopleShort").asLong()));
            assertThat(row.get(8)).isEqualTo(goal.path("withheld").isEmpty() ? "—"
                    : goal.path("withheld").get(0).stringValue());
        });

        // Each working group: its members and its leadership, as the API publishes them; a leadership of three shows
        // no group count.
        JsonNode group = metrics.get("/v1/working-groups", LEADER).json().get(0);
        page(15).untilAsserted(() -> {
            List<String> row = browser.findElements(By.cssSelector("#working-groups tbody tr")).stream()
                    .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                    .filter(cells -> cells.get(0).equals("Anti-Hate Working Group")).findFirst().orElse(null);
            assertThat(row).as("the working group's row").isNotNull();
            assertThat(row.subList(1, 3)).containsExactly("14", "3");
            JsonNode members = null;
            for (JsonNode cell : group.path("members")) {
                if (cell.path("group").stringValue().equals("INDIGENOUS_BLACK_RACIALIZED")) {
                    members = cell;
                }
            }
            assertThat(row.get(3)).isEqualTo(members.path("suppressed").asBoolean() ? "<10"
                    : pct(members.path("representation")) + " (" + members.path("count").asLong() + ")");
            assertThat(row.subList(4, 7)).containsOnly("<10");
        });
        assertThat(browser.findElements(By.cssSelector("#scope option")).stream().map(WebElement::getText))
                .contains("Working group: Anti-Hate Working Group");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('working-groups-title').scrollIntoView()");
        screenshot("03-working-groups");
        // chosen as the scope, a working group offers its two tiers only and says why it has no trend or flows
        new Select(browser.findElement(By.id("scope"))).selectByValue("WORKING_GROUP:AH");
        page(15).untilAsserted(() -> {
            assertThat(browser.findElements(By.cssSelector("#tier option:enabled")).stream()
                    .map(option -> option.getAttribute("value"))).containsExactly("ALL", "LEADERSHIP");
            assertThat(browser.findElement(By.id("flows-period")).getText())
                    .startsWith("A working group has no quarter-end snapshots, flows or competitions");
            assertThat(browser.findElement(By.id("trend-table")).getAttribute("textContent")).as("(a closed table view)")
                    .startsWith("A working group has no quarter-end snapshots");
            assertThat(browser.findElement(By.id("live")).getText()).doesNotContain("Could not load");
        });
        new Select(browser.findElement(By.id("scope"))).selectByValue("ORG");
        new Select(browser.findElement(By.id("tier"))).selectByValue("ALL");

        // Every chart is drawn by the charting library and has a table view in its section; a suppressed value is
        // no bar at all, never a zero.
        page(15).untilAsserted(() -> {
            for (String chart : List.of("representation-chart", "trend-chart-INDIGENOUS", "promotions-chart",
                    "separations-chart", "working-groups-chart")) {
                assertThat(chartData(chart, 0)).as(chart + " is drawn").isNotNull();
                assertThat(browser.findElements(By.xpath("//*[@id='" + chart + "']/ancestor::section//details//table")))
                        .as(chart + "'s table view").isNotEmpty();
            }
        });
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('trend-title').scrollIntoView()");
        screenshot("02-trends-and-flows");
        // WCAG AA for graphics: every opaque mark of every chart has at least 3:1 contrast against the white page
        // (the projection band is translucent and its figures are in the goals table); a chart is keyboard-reachable.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> marks = (List<Map<String, Object>>) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("""
                        const luminance = hex => {
                          const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.substring(i, i + 2), 16) / 255)
                            .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
                          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                        };
                        const marks = [];
                        document.querySelectorAll('.chart canvas').forEach(canvas => {
                          Chart.getChart(canvas).data.datasets.forEach(d => [d.backgroundColor, d.borderColor]
                            .filter(c => typeof c === 'string' && c.startsWith('#'))
                            .forEach(c => marks.push({chart: canvas.parentElement.id, dataset: d.label, colour: c,
                              contrast: 1.05 / (luminance(c) + 0.05), focusable: canvas.tabIndex === 0})));
                        });
                        return marks;""");
        assertThat(marks).isNotEmpty().allSatisfy(mark -> {
            assertThat(((Number) mark.get("contrast")).doubleValue()).as(mark.toString()).isGreaterThanOrEqualTo(3.0);
            assertThat(mark.get("focusable")).as(mark.toString()).isEqualTo(true);
        });
        JsonNode organisation = metrics.get("/v1/representation?scope=ORG&tier=ALL", LEADER).json();
        page(15).untilAsserted(() -> {
            List<?> bars = chartData("representation-chart", 0);
            List<JsonNode> shown = new java.util.ArrayList<>();
            for (String equityGroup : List.of("INDIGENOUS", "BLACK", "RACIALIZED", "INDIGENOUS_BLACK_RACIALIZED")) {
                for (JsonNode cell : organisation) {
                    if (cell.path("group").stringValue().equals(equityGroup)) {
                        shown.add(cell);
                    }
                }
            }
            assertThat(bars).hasSize(shown.size());
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).path("suppressed").asBoolean()) {
                    assertThat(bars.get(i)).as("a suppressed cell has no bar").isNull();
                } else {
                    assertThat(((Number) bars.get(i)).doubleValue())
                            .isCloseTo(shown.get(i).path("representation").asDouble(), within(1e-9));
                }
            }
        });

        // The open finding is listed and opens onto what raised it and the cell beneath it.
        page(15).untilAsserted(() -> assertThat(browser.findElement(By.id("alerts")).getText())
                .contains("REPRESENTATION_GAP", "Black representation in PUBLIC_SAFETY × MANAGEMENT",
                        "priority 12.5", "1 cell beneath")
                .doesNotContain("The same in PUBLIC_SAFETY × EXECUTIVE."));
        click(By.cssSelector("#alerts details[data-finding='REPRESENTATION_GAP|PUBLIC_SAFETY|MANAGEMENT|BLACK'] "
                + "summary"));
        page(10).untilAsserted(() -> assertThat(browser.findElement(By.id("alerts")).getText())
                .contains("The same in PUBLIC_SAFETY × EXECUTIVE.", "What raised it", "representationIndex 0.400",
                        "threshold: representationIndexBelow 0.800"));
        screenshot("05-finding");
        // ... and leads to the figures that raised it
        click(By.xpath("//details[@data-finding='REPRESENTATION_GAP|PUBLIC_SAFETY|MANAGEMENT|BLACK']/p/button"));
        page(15).untilAsserted(() -> {
            assertThat(new Select(browser.findElement(By.id("scope"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("PUBLIC_SAFETY");
            assertThat(new Select(browser.findElement(By.id("tier"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("MANAGEMENT");
            assertThat(browser.findElement(By.cssSelector("#representation-table caption")).getText())
                    .isEqualTo("Representation in Public safety, MANAGEMENT");
        });

        // Drill down from the whole organisation, all staff: City, then Public Safety; the cell's full figures match
        // the API.
        new Select(browser.findElement(By.id("scope"))).selectByValue("ORG");
        new Select(browser.findElement(By.id("tier"))).selectByValue("ALL");
        click(By.cssSelector("#units button[data-scope='UNIT:City']"));
        page(15).until(() ->
                !browser.findElements(By.cssSelector("#units button[data-scope='UNIT:City/Public Safety']")).isEmpty());
        click(By.cssSelector("#units button[data-scope='UNIT:City/Public Safety']"));
        new Select(browser.findElement(By.id("cell-group"))).selectByValue("TOTAL");
        JsonNode total = metrics.get("/v1/representation?scope=UNIT:City/Public%20Safety&tier=ALL&group=TOTAL", LEADER)
                .json().get(0);
        page(15).untilAsserted(() -> {
            assertThat(new Select(browser.findElement(By.id("scope"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("UNIT:City/Public Safety");
            assertThat(browser.findElement(By.id("cell")).getText())
                    .contains("Headcount " + total.path("headcount").asLong())
                    .contains("As of " + total.path("asOf").stringValue());
        });
        screenshot("04-drill-down");

    }


    /**
     * The page opens on focus area 3's two questions: each equity group in leadership across the organisation and in
     * public-safety senior roles, as the API publishes them (share or "suppressed", benchmark, the change over four
     * quarter ends from the published snapshots, people short, "as of"); a tile drills down to its cell.
     */
    @Test
    void theHeadlinesAnswerTheFrameworksQuestionsAndDrillDown() throws Exception {
        Http metrics = http(representation);
        signIn();
        for (String[] headline : new String[][] {{"ORG", "LEADERSHIP"}, {"PUBLIC_SAFETY", "MANAGEMENT"}}) {
            for (String group : List.of("INDIGENOUS", "BLACK", "RACIALIZED", "INDIGENOUS_BLACK_RACIALIZED")) {
                page(20).untilAsserted(() -> {
                    JsonNode cells = metrics.get("/v1/representation?scope=" + headline[0] + "&tier=" + headline[1]
                            + "&group=" + group, LEADER).json();
                    JsonNode snapshots = metrics.get("/v1/snapshots?scope=" + headline[0] + "&tier=" + headline[1]
                            + "&group=" + group, LEADER).json();
                    String tile = tile(headline[0], headline[1], group).getText();
                    JsonNode cell = cells.path(0);
                    assertThat(tile).as(String.join(" ", headline) + " " + group)
                            .contains(cell.path("suppressed").asBoolean() ? "suppressed (<10)"
                                    : pct(cell.path("representation")))
                            .contains("Benchmark " + pct(cell.path("benchmark")))
                            .contains(changeOverFourQuarters(snapshots))
                            .contains(cell.path("shortfall").isNull() ? "People short of the benchmark: not shown"
                                    : cell.path("shortfall").asLong() == 0 ? "At or above the benchmark"
                                    : cell.path("shortfall").asLong() + " ")
                            .contains("As of " + cell.path("asOf").stringValue());
                });
            }
        }
        screenshot("00-headlines");
        page(15).until(() -> {
            tile("PUBLIC_SAFETY", "MANAGEMENT", "BLACK").click();
            return true;
        });
        page(15).untilAsserted(() -> {
            assertThat(new Select(browser.findElement(By.id("scope"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("PUBLIC_SAFETY");
            assertThat(new Select(browser.findElement(By.id("tier"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("MANAGEMENT");
            assertThat(browser.findElement(By.id("cell")).getText()).startsWith("Public safety, MANAGEMENT, BLACK");
        });
    }

    /**
     * The quarterly report for Council: one link from the dashboard; the chosen scope's headlines, figures, trends,
     * flows and open findings, every table shown, the privacy note; printed to PDF by the browser (kept beside the
     * screenshots).
     */
    @Test
    void aQuarterlyReportForCouncilPrints() throws Exception {
        signIn();
        new Select(browser.findElement(By.id("scope"))).selectByValue("PUBLIC_SAFETY");
        new Select(browser.findElement(By.id("tier"))).selectByValue("MANAGEMENT");
        page(15).until(() -> browser.findElement(By.id("report-link")).getAttribute("href")
                .endsWith("index.html?view=report&scope=PUBLIC_SAFETY&tier=MANAGEMENT"));
        browser.get(browser.findElement(By.id("report-link")).getAttribute("href").replace("http://",
                "http://" + LEADER + "@"));
        page(30).until(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-ready")));
        String report = browser.findElement(By.tagName("body")).getText();
        assertThat(report).contains("Quarterly report to Council", "Public safety, management",
                "no figure is linked to anyone's name", "Leadership across the organisation",
                "Public-safety senior roles", "Representation in Public safety, MANAGEMENT",
                "Representation at each quarter end", "Promotions into and separations from MANAGEMENT",
                "Black representation in PUBLIC_SAFETY × MANAGEMENT");
        assertThat(browser.findElement(By.id("scope")).isDisplayed()).as("nothing interactive").isFalse();
        // the competition funnel: everyone at each stage as the API publishes the roll-up, each group's share charted
        JsonNode everyone = null;
        for (JsonNode rollUp : http(representation).get("/v1/competitions?scope=PUBLIC_SAFETY&tier=MANAGEMENT"
                + "&group=TOTAL", LEADER).json()) {
            if (rollUp.path("period").stringValue().startsWith("R12M-") && (everyone == null
                    || rollUp.path("period").stringValue().compareTo(everyone.path("period").stringValue()) > 0)) {
                everyone = rollUp;
            }
        }
        assertThat(everyone).as("the competition's roll-up").isNotNull();
        assertThat(everyone.path("applicants").asLong()).isEqualTo(40);
        assertThat(browser.findElement(By.id("competitions-table")).getText())
                .contains("Everyone " + everyone.path("applicants").asLong() + " "
                        + everyone.path("shortlisted").asLong() + " " + everyone.path("promoted").asLong());
        assertThat(chartData("competitions-chart", 0)).as("the funnel is charted").isNotNull();
        assertThat(browser.findElements(By.cssSelector("details")).stream()
                .allMatch(details -> details.getAttribute("open") != null))
                .as("every table view is shown").isTrue();
        screenshot("06-council-report");
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) browser).print(
                new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        Files.write(SCREENSHOTS.resolve("council-report.pdf"), bytes);
        String raw = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF");
        assertThat(raw.split("/Type\\s*/Page[^s]", -1).length - 1).as("pages").isGreaterThanOrEqualTo(2);
    }

    private static WebElement tile(String scope, String tier, String group) {
        return browser.findElement(By.cssSelector("button.tile[data-show-scope='" + scope + "'][data-show-tier='" + tier
                + "'][data-show-group='" + group + "']"));
    }

    /** What a tile says of the change over four quarters, worked out here from the API's snapshots. */
    private static String changeOverFourQuarters(JsonNode snapshots) {
        JsonNode latest = null;
        for (JsonNode snapshot : snapshots) {
            if (latest == null
                    || snapshot.path("quarter").stringValue().compareTo(latest.path("quarter").stringValue()) > 0) {
                latest = snapshot;
            }
        }
        if (latest == null) {
            return "not shown (no quarter has ended yet)";
        }
        String to = latest.path("quarter").stringValue();
        String from = (Integer.parseInt(to.substring(0, 4)) - 1) + to.substring(4);
        JsonNode before = null;
        for (JsonNode snapshot : snapshots) {
            if (snapshot.path("quarter").stringValue().equals(from)) {
                before = snapshot;
            }
        }
        if (before == null) {
            return "not shown (no figures for " + from + ")";
        }
        JsonNode now = latest.path("figures");
        JsonNode then = before.path("figures");
        if (now.path("suppressed").asBoolean() || then.path("suppressed").asBoolean()
                || now.path("representation").isNull() || then.path("representation").isNull()) {
            return "not shown (suppressed in " + from + " or " + to + ")";
        }
        double points = 100 * (now.path("representation").asDouble() - then.path("representation").asDouble());
        return String.format(Locale.ROOT, "%s%.1f points, %s to %s", points > 0 ? "+" : "", points, from, to);
    }

    /**
     * A new hire reaches the open page through its live streams, without a reload: in the headcount, not in any
     * group's figures, which wait for enough people to have changed (SPEC §9 release rule).
     */
    @Test
    void aNewHireShowsWithoutAReload() throws Exception {
        Http ingest = http(hiring);
        Http metrics = http(representation);
        signIn();
        new Select(browser.findElement(By.id("scope"))).selectByValue("ORG");
        new Select(browser.findElement(By.id("tier"))).selectByValue("ALL");
        long before = metrics.get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL", LEADER).json().path(0)
                .path("headcount").asLong();
        page(15).untilAsserted(() -> assertThat(browser.findElement(By.id("headcount-today")).getText())
                .isEqualTo("Headcount today: " + before));
        // read again if a live re-render replaces the rows while they are read
        java.util.concurrent.atomic.AtomicReference<Map<String, List<String>>> groupsBefore =
                new java.util.concurrent.atomic.AtomicReference<>();
        page(15).untilAsserted(() -> {
            groupsBefore.set(representationRows());
            assertThat(groupsBefore.get()).containsKey("Black");
        });
        // the streams are connected: "Live", or "Updated" if an event (the setup's finding) has come through them
        page(15).until(() -> browser.findElement(By.id("live")).getText().matches("^(Live|Updated).*"));
        Http.Response hired = ingest.post("/v1/events", "application/json",
                "{\"type\":\"EmployeeHired\",\"eventId\":\"dashboard-live-1\",\"employeeId\":\"E-LIVE\","
                        + "\"effectiveDate\":\"2024-06-15\",\"position\":{\"jobCode\":\"CLK\",\"jobTitle\":\"Clerk\","
                        + "\"level\":\"FRONTLINE\",\"orgUnitPath\":\"City/Corporate\",\"serviceLine\":\"CORPORATE\"}}",
                Http.PUBLISHER);
        assertThat(hired.status()).isEqualTo(202);
        page(60).untilAsserted(() -> {
            String why = "API head count " + metrics.get("/v1/representation?scope=ORG&tier=ALL&group=TOTAL", LEADER)
                    .json().path(0).path("headcount").asLong() + ", status line '"
                    + browser.findElement(By.id("live")).getText() + "'";
            assertThat(browser.findElement(By.id("headcount-today")).getText()).as(why)
                    .isEqualTo("Headcount today: " + (before + 1));
            assertThat(browser.findElement(By.id("live")).getText()).as(why).startsWith("Updated");
        });
        page(15).untilAsserted(() -> assertThat(representationRows()).as("one person's hire moves no group's figures")
                .isEqualTo(groupsBefore.get()));

        publishOpenFinding("ADVERSE_IMPACT|R12M-2024-Q1|ORG|MANAGEMENT|RACIALIZED", "ADVERSE_IMPACT", "ORG", "RACIALIZED",
                "Racialized staff in ORG × MANAGEMENT were promoted at 0.55 of the reference group's rate.");
        page(60).untilAsserted(() -> assertThat(browser.findElement(By.id("alerts")).getText())
                .contains("ADVERSE_IMPACT", "Racialized staff in ORG × MANAGEMENT were promoted"));
        screenshot("04-live");
    }

    /**
     * Loads the page afresh as the browser does once its user has given credentials (in the address here, as a
     * headless browser cannot fill the browser's own credentials dialog).
     */
    /** One goal for the whole organisation (the seed file's format, as an administrator would write it). */
    private static Path goalsFile() throws IOException {
        Path file = Files.createTempFile("dashboard-goals-", ".csv");
        Files.writeString(file, "scope,tier,group,targetShare,targetDate,source\n"
                + "ORG,ALL,INDIGENOUS_BLACK_RACIALIZED,0.5,,dashboard test\n");
        return file;
    }

    private static void signIn() {
        browser.get("http://" + LEADER + "@127.0.0.1:" + port(representation) + "/dashboard");
        page(30).until(() ->
                !browser.findElements(By.cssSelector("#representation-table tbody tr")).isEmpty());
    }

    /**
     * What the alert service would have published: a finding headed by the alert, with the same finding in the
     * scope's executive tier beneath it. The dashboard shows it read-only.
     */
    private static void publishOpenFinding(String alertId, String rule, String scope, String group,
                                           String explanation) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, platform.registryUrl());
        AvroSerializer values = new AvroSerializer();
        values.configure(settings, false);
        Alert head = alert(alertId, rule, scope, "MANAGEMENT", group, explanation);
        Alert beneath = alert(alertId.replace("|MANAGEMENT|", "|EXECUTIVE|"), rule, scope, "EXECUTIVE", group,
                "The same in " + scope + " × EXECUTIVE.");
        Finding finding = Finding.newBuilder().setFindingId(alertId).setRule(rule).setGroup(group).setScope(scope)
                .setTier("MANAGEMENT").setStatus("OPEN").setSeverity("HIGH").setPriority(12.5)
                .setExplanation(explanation + " The same holds in 1 cell beneath it.").setHead(head)
                .setCells(List.of(beneath)).build();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(settings, new StringSerializer(), values)) {
            producer.send(new ProducerRecord<>(AlertTopic.FINDINGS.topicName(), finding.getFindingId(), finding))
                    .get();
        }
    }

    private static Alert alert(String alertId, String rule, String scope, String tier, String group,
                               String explanation) {
        return Alert.newBuilder().setAlertId(alertId).setRule(rule).setScope(scope).setTier(tier)
                .setGroup(group).setStatus("OPEN").setSeverity("HIGH").setFigures(Map.of("representationIndex", 0.4))
                .setThresholds(Map.of("representationIndexBelow", 0.8)).setExplanation(explanation)
                .setFirstSeen(Instant.now()).setLastUpdated(Instant.now()).build();
    }
}
