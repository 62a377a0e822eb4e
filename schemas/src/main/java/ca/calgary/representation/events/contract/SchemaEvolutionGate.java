package ca.calgary.representation.events.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Build-time gate on schema evolution, with Avro's own compatibility checker: each topic's current value schema
 * must be able to read data written with the last released version of its subject (BACKWARD, as the registry
 * enforces). Released versions live in the repository as {@code released/<subject>/v<N>.avsc}.
 *
 * <p>{@code check DIR} fails (exit 1) on any incompatibility; {@code release DIR} records every changed schema as a
 * new version after checking it.
 */
public final class SchemaEvolutionGate {

    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private final Path releasedDirectory;

    public SchemaEvolutionGate(Path releasedDirectory) {
        this.releasedDirectory = releasedDirectory;
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("check") || args[0].equals("release"))) {
            System.err.println("usage: SchemaEvolutionGate check|release <released-schemas-directory>");
            System.exit(2);
        }
        SchemaEvolutionGate gate = new SchemaEvolutionGate(Path.of(args[1]));
        Map<String, Schema> current = currentSchemas();
        List<String> problems = gate.check(current);
        if (!problems.isEmpty()) {
            System.err.println("Schema evolution check FAILED:");
            problems.forEach(problem -> System.err.println("  - " + problem));
            // exec:java runs inside Maven's JVM: an exception (not System.exit) fails the build with this message.
            throw new IllegalStateException("schemas are not backward compatible with their released versions: "
                    + problems);
        }
        if (args[0].equals("release")) {
            gate.release(current).forEach(file -> System.out.println("released " + file));
        } else {
            System.out.println("Schema evolution check passed for " + current.keySet());
        }
    }

    /** Current value schema of every topic (input and metrics), by subject. */
    public static Map<String, Schema> currentSchemas() {
        Map<String, Schema> schemas = new TreeMap<>();
        for (EventTopic topic : EventTopic.values()) {
            schemas.put(topic.valueSubject(), topic.valueSchema());
        }
        for (MetricsTopic topic : MetricsTopic.values()) {
            schemas.put(topic.valueSubject(), topic.valueSchema());
        }
        for (AlertTopic topic : AlertTopic.values()) {
            schemas.put(topic.valueSubject(), topic.valueSchema());
        }
        return schemas;
    }

    /** Every incompatibility, in words; empty when all is well. */
    public List<String> check(Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : current.entrySet()) {
            latestReleased(entry.getKey()).ifPresent(released -> {
                SchemaPairCompatibility result =
                        SchemaCompatibility.checkReaderWriterCompatibility(entry.getValue(), released.schema());
                if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                    problems.add(entry.getKey() + ": the current schema cannot read data written with released "
                            + released.file().getFileName() + ": " + describe(result));
                }
            });
        }
        for (String subject : releasedSubjects()) {
            if (!current.containsKey(subject)) {
                problems.add(subject + " was released but no topic carries it any more; data already written"
                        + " under it would have no reader");
            }
        }
        return problems;
    }

    /** Writes each schema that differs from its latest released version as the next version; returns the files. */
    public List<Path> release(Map<String, Schema> current) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : current.entrySet()) {
            Optional<Released> latest = latestReleased(entry.getKey());
            if (latest.isPresent() && latest.get().schema().equals(entry.getValue())) {
                continue;
            }
            int version = latest.map(released -> released.version() + 1).orElse(1);
            Path file = releasedDirectory.resolve(entry.getKey()).resolve("v" + version + ".avsc");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, entry.getValue().toString(true) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }

    Optional<Released> latestReleased(String subject) {
        Path directory = releasedDirectory.resolve(subject);
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> {
                        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
                        return matcher.matches() ? new Released(file, Integer.parseInt(matcher.group(1)), null) : null;
                    })
                    .filter(released -> released != null)
                    .max(Comparator.comparingInt(Released::version))
                    .map(Released::parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private List<String> releasedSubjects() {
        if (!Files.isDirectory(releasedDirectory)) {
            return List.of();
        }
        try (Stream<Path> directories = Files.list(releasedDirectory)) {
            return directories.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + releasedDirectory, e);
        }
    }

    private static String describe(SchemaPairCompatibility result) {
        StringBuilder text = new StringBuilder();
        result.getResult().getIncompatibilities().forEach(incompatibility -> text
                .append(incompatibility.getType()).append(" at ").append(incompatibility.getLocation())
                .append(" (").append(incompatibility.getMessage()).append("); "));
        return text.isEmpty() ? result.getDescription() : text.substring(0, text.length() - 2);
    }

    record Released(Path file, int version, Schema schema) {
        Released parsed() {
            try {
                return new Released(file, version, new Schema.Parser().parse(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
