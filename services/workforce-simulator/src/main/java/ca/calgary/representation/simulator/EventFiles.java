package ca.calgary.representation.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.support.CsvWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes simulated events as files a user can publish with their own tools: {@code events.jsonl} (SPEC's canonical
 * JSON lines, all types, in publishing order, as the batch APIs and the golden cases take them) and one CSV file per
 * type in the ingest services' CSV layouts ({@code csv/EmployeeHired.csv}, ...).
 */
public final class EventFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EventFiles() {
    }

    public static String jsonLine(SimulatedEvent event) {
        return JSON.writeValueAsString(event.canonical());
    }

    public static Path writeJsonLines(List<SimulatedEvent> events, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("events.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (SimulatedEvent event : events) {
                out.write(jsonLine(event));
                out.write('\n');
            }
        }
        return file;
    }

    /** One CSV file per event type, in {@code directory/csv}; returns the files by type. */
    public static Map<String, Path> writeCsv(List<SimulatedEvent> events, Path directory) throws IOException {
        Path csv = Files.createDirectories(directory.resolve("csv"));
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            for (SimulatedEvent event : events) {
                BufferedWriter out = writers.get(event.type());
                if (out == null) {
                    Path file = csv.resolve(event.type() + ".csv");
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    out.write(CsvWriter.row(SimulatedEvent.csvColumns(event.type())));
                    writers.put(event.type(), out);
                    files.put(event.type(), file);
                }
                out.write(CsvWriter.row(event.csvValues()));
            }
        } finally {
            for (BufferedWriter out : writers.values()) {
                out.close();
            }
        }
        return files;
    }
}
