package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkforceSimulatorMainTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String password, String... args) {
        return WorkforceSimulatorMain.run(args, new PrintStream(output, true, StandardCharsets.UTF_8), password);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesJsonLinesAndCsvFilesAndReportsTheWorkforce(@TempDir Path dir) throws Exception {
        assertThat(run(null, "write", "--out", dir.toString(), "--employees", "400", "--years", "2", "--end-date",
                "2025-12-31", "--seed", "3")).isZero();
        assertThat(dir.resolve("events.jsonl")).isNotEmptyFile();
        assertThat(dir.resolve("csv/EmployeeHired.csv")).isNotEmptyFile();
        assertThat(dir.resolve("csv/WorkingGroupAppointed.csv")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("goals.csv")))
                .startsWith("scope,tier,group,targetShare,targetDate,source\r\n")
                .contains("SERVICE_LINE:POLICE,MANAGEMENT,RACIALIZED,0.25,2027-12-31,")
                .contains("SERVICE_LINE:POLICE,MANAGEMENT,INDIGENOUS,,2027-12-31,");
        assertThat(Files.readString(dir.resolve("events.jsonl")))
                .isEqualTo(WorkforceSimulation.run(new SimulationSettings(3, 400, 2, java.time.LocalDate.of(2025, 12,
                        31))).events().stream().map(line -> EventFiles.jsonLine(line) + "\n")
                        .reduce("", String::concat));
        assertThat(printed()).contains("employees on the last day", "EXECUTIVE", "EmployeePromoted");
    }

    @Test
    void badUsageSaysWhatIsWrong(@TempDir Path dir) {
        assertThat(run(null, "simulate")).isEqualTo(2);
        assertThat(printed()).contains("unknown command 'simulate'");
        assertThat(run(null, "summary", "--employes", "10")).isEqualTo(2);
        assertThat(printed()).contains("unknown option '--employes'");
        assertThat(run(null, "summary", "--employees", "many")).isEqualTo(2);
        assertThat(printed()).contains("--employees must be a whole number (got 'many')");
        assertThat(run(null, "summary", "--employees", "20")).isEqualTo(2);
        assertThat(printed()).contains("employees must be between 200 and 2,000,000 (got 20)");
        assertThat(run(null, "summary", "--end-date", "yesterday")).isEqualTo(2);
        assertThat(run(null, "write", "--out", dir.toString(), "--format", "xml", "--employees", "200")).isEqualTo(2);
        assertThat(printed()).contains("--format must be jsonl, csv or both (got 'xml')");
        assertThat(run(null, "replay", "--employees", "200", "--years", "1")).isEqualTo(2);
        assertThat(printed()).contains("replay needs the publisher's password in SIMULATOR_PASSWORD");
        assertThat(WorkforceSimulatorMain.run(new String[] {"replay", "--employees", "200", "--years", "1",
                "--goals-admin", "admin"}, new java.io.PrintStream(output, true, StandardCharsets.UTF_8), "secret",
                null, "admin-secret")).isEqualTo(2);
        assertThat(printed()).contains("--goals-admin needs --metrics URL");
        assertThat(run(null, "summary", "--seed")).isEqualTo(2);
        assertThat(printed()).contains("--seed needs a value");
    }

    @Test
    void keptProgressOfOtherSettingsIsNotMixedIn(@TempDir Path dir) throws Exception {
        Path progress = dir.resolve("progress");
        Files.writeString(progress, "seed=1 employees=500 years=2 end=2025-01-31\n1000\n");
        assertThat(run("secret", "replay", "--progress", progress.toString(), "--employees", "600")).isEqualTo(3);
        assertThat(printed()).contains("belongs to other settings: seed=1 employees=500 years=2 end=2025-01-31");
    }

    @Test
    void aResumedReplayKeepsTheEndDateOfTheKeptRun(@TempDir Path dir) throws Exception {
        Path progress = dir.resolve("progress");
        Files.writeString(progress, "seed=1 employees=500 years=2 end=2025-01-31\n1000\n");
        SimulationSettings settings = WorkforceSimulatorMain.settings(java.util.Map.of("--seed", "1",
                "--employees", "500", "--years", "2"), progress);
        assertThat(settings.endDate()).isEqualTo(java.time.LocalDate.of(2025, 1, 31));
        assertThat(settings.fingerprint()).isEqualTo("seed=1 employees=500 years=2 end=2025-01-31");
    }
}
