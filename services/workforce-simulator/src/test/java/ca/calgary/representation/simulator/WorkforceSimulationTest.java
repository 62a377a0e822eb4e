package ca.calgary.representation.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ca.calgary.representation.ingest.core.CanonicalEventReader;
import ca.calgary.representation.ingest.core.CsvLayout;
import ca.calgary.representation.ingest.core.EventType;
import ca.calgary.representation.ingest.core.IngestService;
import ca.calgary.representation.support.CsvReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class WorkforceSimulationTest {

    static final SimulationSettings SETTINGS = new SimulationSettings(11, 3_000, 4, LocalDate.of(2026, 11, 23));
    static Simulation simulation;

    @BeforeAll
    static void simulate() {
        simulation = WorkforceSimulation.run(SETTINGS);
    }

    @Test
    void theSameSettingsGiveTheSameEventsAndAnotherSeedOthers() {
        List<String> again = WorkforceSimulation.run(SETTINGS).events().stream().map(EventFiles::jsonLine).toList();
        assertThat(again).isEqualTo(simulation.events().stream().map(EventFiles::jsonLine).toList());
        SimulationSettings otherSeed = new SimulationSettings(12, 3_000, 4, SETTINGS.endDate());
        List<String> other = WorkforceSimulation.run(otherSeed).events().stream().map(EventFiles::jsonLine).toList();
        assertThat(other).isNotEqualTo(again);
        assertThat(otherSeed.runId()).isNotEqualTo(SETTINGS.runId());
    }

    @Test
    void everyEventIsOneItsIngestServiceAccepts() {
        Map<String, CanonicalEventReader> readers = new HashMap<>();
        for (IngestService service : IngestService.values()) {
            readers.put(service.name().toLowerCase(), new CanonicalEventReader(service.eventTypes(), service.name()));
        }
        for (SimulatedEvent event : simulation.events()) {
            JsonNode json = EventFiles.JSON.readTree(EventFiles.jsonLine(event));
            CanonicalEventReader.Result result = readers.get(event.service()).read(json);
            assertThat(result.violations()).as(EventFiles.jsonLine(event)).isEmpty();
        }
    }

    @Test
    void eventsComeInPublishingOrderWithUniqueIdsWithinTheSimulatedSpan() {
        List<SimulatedEvent> events = simulation.events();
        assertThat(events.stream().map(SimulatedEvent::eventId).distinct().count()).isEqualTo(events.size());
        for (int i = 1; i < events.size(); i++) {
            SimulatedEvent before = events.get(i - 1);
            SimulatedEvent after = events.get(i);
            assertThat(after.effectiveDate()).isAfterOrEqualTo(before.effectiveDate());
            if (after.effectiveDate().equals(before.effectiveDate())) {
                assertThat(after.recordedAt()).isAfter(before.recordedAt());
            }
        }
        assertThat(events.get(events.size() - 1).effectiveDate()).isBeforeOrEqualTo(SETTINGS.endDate());
        // Only the hires of the staff employed on the first day predate it.
        assertThat(events).filteredOn(event -> event.effectiveDate().isBefore(SETTINGS.startDate()))
                .allMatch(event -> event.type().equals("EmployeeHired"));
    }

    @Test
    void workingGroupsAmongThemTheAntiHateWorkingGroupHaveLeadersAndMembersUntilTheyLeave() {
        Map<String, Map<String, String>> seats = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (SimulatedEvent event : simulation.events()) {
            String group = (String) event.fields().get("workingGroupId");
            switch (event.type()) {
                case "WorkingGroupAppointed" -> {
                    names.add((String) event.fields().get("workingGroupName"));
                    assertThat(seats.computeIfAbsent(group, g -> new HashMap<>())
                            .put(event.employeeId(), (String) event.fields().get("role")))
                            .as("appointed while holding a seat").isNull();
                }
                case "WorkingGroupAppointmentEnded" -> assertThat(seats.get(group).remove(event.employeeId()))
                        .as("an end without an appointment").isNotNull();
                case "EmployeeSeparated" -> assertThat(seats.values())
                        .as("a seat left open by a departure").noneMatch(held -> held.containsKey(event.employeeId()));
                default -> {
                }
            }
        }
        assertThat(names).contains("Anti-Hate Working Group");
        simulation.summary().workingGroups().forEach((id, summary) -> {
            Map<String, String> held = seats.get(id);
            assertThat(held).as(id).hasSize(summary.members());
            assertThat(held.values().stream().filter(role -> !role.equals("MEMBER")).count()).as(id)
                    .isEqualTo(summary.leaders());
        });
        assertThat(simulation.summary().workingGroups().get("ANTI-HATE-WG").leaders()).isPositive();
        assertThat(simulation.summary().workingGroups().get("PS-OPERATIONS").leaders())
                .as("a leadership large enough for WORKING_GROUP_LEADERSHIP to be evaluated").isGreaterThanOrEqualTo(10);
    }

    @Test
    void everyEmployeeIsHiredFirstAndHasNoEventAfterSeparating() {
        Set<String> active = new HashSet<>();
        Set<String> separated = new HashSet<>();
        for (SimulatedEvent event : simulation.events()) {
            String employee = event.employeeId();
            if (employee == null) {
                continue;
            }
            assertThat(separated).as(event.type() + " after separation").doesNotContain(employee);
            if (event.type().equals("EmployeeHired")) {
                assertThat(active.add(employee)).as("hired twice: " + employee).isTrue();
            } else {
                assertThat(active).as(event.type() + " before hire").contains(employee);
            }
            if (event.type().equals("EmployeeSeparated")) {
                active.remove(employee);
                separated.add(employee);
            }
        }
        assertThat(active).hasSize(simulation.summary().activeEmployees());
    }

    @Test
    void aCityLikeOrganisationWithEveryServiceLineAndLevel() {
        Set<String> serviceLines = new HashSet<>();
        Set<String> levels = new HashSet<>();
        for (SimulatedEvent event : simulation.events()) {
            if (event.fields().get("position") instanceof Map<?, ?> position) {
                serviceLines.add((String) position.get("serviceLine"));
                levels.add((String) position.get("level"));
            }
        }
        assertThat(serviceLines).containsExactlyInAnyOrder("POLICE", "FIRE", "PEACE_OFFICERS",
                "EMERGENCY_COMMUNICATIONS", "EMERGENCY_MANAGEMENT", "CORPORATE");
        assertThat(levels).containsExactlyInAnyOrder("FRONTLINE", "SUPERVISOR", "MANAGER", "DIRECTOR", "EXECUTIVE");
        // About the size asked for, grown about 1% a year.
        assertThat(simulation.summary().activeEmployees()).isBetween(3_000, 3_400);
        assertThat(simulation.summary().eventsByType().keySet()).containsAll(List.of("EmployeeHired",
                "EmployeeTransferred", "EmployeeSeparated", "SelfIdentificationSubmitted",
                "SelfIdentificationWithdrawn", "PromotionCompetitionOpened", "PromotionApplicationSubmitted",
                "PromotionCandidateShortlisted", "EmployeePromoted", "MentorshipEnrolled", "MentorshipCompleted",
                "MentorshipWithdrawn"));
    }

    @Test
    void seniorRanksAreLessDiverseThanTheFrontLine() {
        // Averaged over seeds: the executive level is small.
        double frontline = 0;
        double senior = 0;
        for (long seed = 1; seed <= 3; seed++) {
            SimulationSummary summary = WorkforceSimulation.run(new SimulationSettings(seed, 15_000, 6,
                    SETTINGS.endDate())).summary();
            frontline += summary.equityShareByLevel().get("FRONTLINE");
            senior += (summary.equityShareByLevel().get("DIRECTOR") * summary.headcountByLevel().get("DIRECTOR")
                    + summary.equityShareByLevel().get("EXECUTIVE") * summary.headcountByLevel().get("EXECUTIVE"))
                    / (summary.headcountByLevel().get("DIRECTOR") + summary.headcountByLevel().get("EXECUTIVE"));
        }
        assertThat(frontline / 3).isBetween(0.30, 0.45);
        assertThat(senior / 3).isLessThan(0.6 * frontline / 3);
    }

    @Test
    void manyNeverSelfIdentifyAndSomePreferNotToAnswer() {
        assertThat(simulation.summary().selfIdentifiedShare()).isBetween(0.6, 0.85);
        long declined = simulation.events().stream()
                .filter(event -> "PREFER_NOT_TO_ANSWER".equals(event.fields().get("status"))).count();
        long submitted = simulation.summary().eventsByType().get("SelfIdentificationSubmitted");
        assertThat((double) declined / submitted).isBetween(0.05, 0.2);
    }

    @Test
    void competitionsNarrowFromApplicantsToShortlistToOnePromotion() {
        Map<String, List<String>> stages = new HashMap<>();
        for (SimulatedEvent event : simulation.events()) {
            Object competition = event.fields().get("competitionId");
            if (competition != null) {
                stages.computeIfAbsent((String) competition, id -> new ArrayList<>()).add(event.type());
            }
        }
        assertThat(stages).isNotEmpty();
        stages.forEach((competition, types) -> {
            Map<String, Long> count = types.stream().collect(Collectors.groupingBy(type -> type, Collectors.counting()));
            assertThat(count.get("PromotionCompetitionOpened")).as(competition).isEqualTo(1);
            long applicants = count.getOrDefault("PromotionApplicationSubmitted", 0L);
            long shortlisted = count.getOrDefault("PromotionCandidateShortlisted", 0L);
            assertThat(applicants).as(competition).isGreaterThanOrEqualTo(shortlisted);
            assertThat(count.getOrDefault("EmployeePromoted", 0L)).as(competition).isLessThanOrEqualTo(1);
            assertThat(types.get(0)).isEqualTo("PromotionCompetitionOpened");
        });
    }

    @Test
    void csvFilesUseTheIngestLayoutsAndSayWhatTheJsonLinesSay(@TempDir Path directory) throws Exception {
        Map<String, Path> files = EventFiles.writeCsv(simulation.events(), directory);
        Path jsonl = EventFiles.writeJsonLines(simulation.events(), directory);
        assertThat(Files.readAllLines(jsonl)).hasSize(simulation.events().size());
        Map<String, List<SimulatedEvent>> byType = simulation.events().stream()
                .collect(Collectors.groupingBy(SimulatedEvent::type));
        assertThat(files.keySet()).isEqualTo(byType.keySet());
        for (Map.Entry<String, Path> file : files.entrySet()) {
            EventType type = EventType.byCanonicalName(file.getKey()).orElseThrow();
            CsvLayout layout = CsvLayout.of(type);
            List<CsvReader.Row> rows = CsvReader.read(Files.readString(file.getValue()));
            assertThat(rows.get(0).cells()).isEqualTo(layout.columnNames());
            assertThat(layout.checkHeader(rows.get(0))).isEmpty();
            List<SimulatedEvent> events = byType.get(file.getKey());
            assertThat(rows).hasSize(events.size() + 1);
            for (int i = 1; i < rows.size(); i++) {
                assertThat(layout.toCanonicalJson(rows.get(0), rows.get(i)))
                        .isEqualTo(EventFiles.JSON.readTree(EventFiles.jsonLine(events.get(i - 1))));
            }
        }
    }
}
