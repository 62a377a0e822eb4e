package ca.calgary.representation.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ca.calgary.representation.ingest.core.CanonicalEventReader;
import ca.calgary.representation.ingest.core.EventType;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.ingest.core.ProjectFiles;
import ca.calgary.representation.ingest.core.Pseudonymizer;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.CellFigures;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.support.CsvReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * One golden case ({@code testdata/golden}, SPEC §10): its events as they reach Kafka (read and pseudonymised exactly
 * as the ingest services do), its date, configuration, benchmarks and expected rows.
 */
public record GoldenCase(String name, LocalDate asOf, RepresentationConfig config, List<Benchmark> benchmarks,
                         List<OutgoingEvent> events, Map<String, ExpectedRow> expected) {

    public static final Path ROOT = ProjectFiles.golden();
    private static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer(new byte[32]);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CanonicalEventReader READER = new CanonicalEventReader(EnumSet.allOf(EventType.class),
            "golden");

    /** One row of expected.csv. */
    public record ExpectedRow(String scope, String tier, String group, long headcount, String count, boolean suppressed,
                              String representation, String benchmark, String gapPoints) {
        public String cellId() {
            return scope + "|" + tier + "|" + group;
        }
    }

    public static List<GoldenCase> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().map(GoldenCase::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GoldenCase load(Path dir) {
        try {
            LocalDate asOf = LocalDate.parse(Files.readString(dir.resolve("asof")).strip());
            Properties properties = new Properties();
            Path config = dir.resolve("config.properties");
            if (Files.exists(config)) {
                try (var in = Files.newInputStream(config)) {
                    properties.load(in);
                }
            }
            int k = Integer.parseInt(properties.getProperty("privacy.min-cell-size", "10"));
            Set<String> publicSafety = properties.containsKey("public-safety.service-lines")
                    ? Arrays.stream(properties.getProperty("public-safety.service-lines").split(","))
                    .map(String::strip).collect(Collectors.toSet())
                    : RepresentationConfig.DEFAULT_PUBLIC_SAFETY;
            RepresentationConfig representationConfig = new RepresentationConfig(k, publicSafety,
                    ZoneId.of("America/Edmonton"));

            List<Benchmark> benchmarks = new ArrayList<>();
            Path benchmarkFile = dir.resolve("benchmarks.csv");
            if (Files.exists(benchmarkFile)) {
                List<CsvReader.Row> rows = CsvReader.read(Files.readString(benchmarkFile));
                for (CsvReader.Row row : rows.subList(1, rows.size())) {
                    List<String> cells = row.cells();
                    benchmarks.add(new Benchmark(new Scope(cells.get(0)), Group.valueOf(cells.get(1)),
                            new BigDecimal(cells.get(2)), cells.get(3), Integer.parseInt(cells.get(4))));
                }
            }

            List<OutgoingEvent> events = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
                if (!line.isBlank()) {
                    events.add(event(line));
                }
            }

            Map<String, ExpectedRow> expected = new LinkedHashMap<>();
            List<CsvReader.Row> rows = CsvReader.read(Files.readString(dir.resolve("expected.csv")));
            for (CsvReader.Row row : rows.subList(1, rows.size())) {
                List<String> c = row.cells();
                ExpectedRow expectedRow = new ExpectedRow(c.get(0), c.get(1), c.get(2), Long.parseLong(c.get(3)),
                        c.get(4), Boolean.parseBoolean(c.get(5)), c.get(6), c.get(7), c.get(8));
                expected.put(expectedRow.cellId(), expectedRow);
            }
            return new GoldenCase(dir.getFileName().toString(), asOf, representationConfig, benchmarks, events,
                    expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One canonical JSON event (SPEC §3) as ingest publishes it (employee ids keyed with an all-zero key). */
    public static OutgoingEvent event(String canonicalJson) {
        CanonicalEventReader.Result result = READER.read(JSON.readTree(canonicalJson));
        if (!result.isValid()) {
            throw new IllegalStateException("invalid event " + canonicalJson + ": " + result.violations());
        }
        return OutgoingEvent.of(result.event(), PSEUDONYMIZER, Instant.EPOCH, "golden");
    }

    /** Every difference between published figures and the expected rows; empty when the case passes. */
    public List<String> mismatches(List<CellFigures> figures) {
        List<String> problems = new ArrayList<>();
        Map<String, CellFigures> actual = new LinkedHashMap<>();
        figures.forEach(figure -> actual.put(figure.cellId(), figure));
        for (String extra : actual.keySet()) {
            if (!expected.containsKey(extra)) {
                problems.add("unexpected cell " + extra);
            }
        }
        for (ExpectedRow row : expected.values()) {
            CellFigures figure = actual.get(row.cellId());
            if (figure == null) {
                problems.add("missing cell " + row.cellId());
                continue;
            }
            if (figure.headcount() != row.headcount()) {
                problems.add(row.cellId() + ": headcount " + figure.headcount() + ", expected " + row.headcount());
            }
            if (row.suppressed() && !figure.suppressed()) {
                problems.add(row.cellId() + ": published " + figure.count() + ", expected suppressed");
            }
            if (figure.suppressed() || row.suppressed()) {
                continue;
            }
            compare(problems, row, "count", String.valueOf(figure.count()), row.count());
            compare(problems, row, "representation", text(figure.representation()), row.representation());
            compare(problems, row, "benchmark", text(figure.benchmark()), row.benchmark());
            compare(problems, row, "gapPoints", text(figure.gapPoints()), row.gapPoints());
        }
        return problems;
    }

    private static void compare(List<String> problems, ExpectedRow row, String what, String actual, String expected) {
        if (!actual.equals(expected)) {
            problems.add(row.cellId() + ": " + what + " " + actual + ", expected " + expected);
        }
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    @Override
    public String toString() {
        return name;
    }
}
