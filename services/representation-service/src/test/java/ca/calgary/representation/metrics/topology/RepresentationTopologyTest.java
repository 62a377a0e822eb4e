package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.GoldenCase;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.Benchmark;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import ca.calgary.representation.metrics.core.Scope;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

class RepresentationTopologyTest {

    static final RepresentationConfig NO_SUPPRESSION = new RepresentationConfig(1,
            RepresentationConfig.DEFAULT_PUBLIC_SAFETY, java.time.ZoneId.of("America/Edmonton"));

    private static List<OutgoingEvent> events(String golden) {
        return GoldenCase.load(GoldenCase.ROOT.resolve(golden)).events();
    }

    @Test
    void aFutureDatedPromotionTakesEffectOnItsDayWithoutNewInput() {
        // 03-effective-dating: E101 is promoted to MANAGER on 2025-03-01, after the case's date.
        GoldenCase golden = GoldenCase.load(GoldenCase.ROOT.resolve("03-effective-dating"));
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(golden.config(), golden.asOf())) {
            golden.events().forEach(topology::pipe);
            String policeManagement = "SERVICE_LINE:POLICE|MANAGEMENT|TOTAL";
            assertThat(topology.publish()).doesNotContainKey(policeManagement);

            topology.setToday(LocalDate.of(2025, 3, 1));

            assertThat(topology.publish().get(policeManagement).getHeadcount()).isEqualTo(1);
        }
    }

    @Test
    void aDuplicateEventPublishesNothing() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            List<OutgoingEvent> events = events("01-basics");
            events.forEach(topology::pipe);
            topology.publish();
            int published = topology.publishedRecords();

            events.forEach(topology::pipe);
            topology.publish();

            assertThat(topology.publishedRecords()).isEqualTo(published);
        }
    }

    @Test
    void publicationIsCoalescedToTheLatestStateOfEachCell() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            events("01-basics").forEach(topology::pipe);
            Map<String, RepresentationFigures> cells = topology.publish();

            // 21 events changed many cells many times; each cell is published once.
            assertThat(topology.publishedRecords()).isEqualTo(cells.size());
        }
    }

    @Test
    void bothApplicationsLagIsMeasuredOnEveryHrTopic() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            for (var group : List.of(topology.liveGroup, topology.flowGroup)) {
                assertThat(group.inputTopics()).as(group.groupId()).contains("hr.employment-events",
                        "hr.self-identification-events", "hr.promotion-events", "hr.mentorship-events")
                        .noneMatch(topic -> topic.endsWith("-repartition"));
            }
        }
    }

    @Test
    void aBacklogIsPublishedOnceReadAndALiveChangeAtTheNextInterval() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            // history published a day ago: a backlog, read in one go
            Instant dayAgo = topology.liveNow().minus(Duration.ofDays(1));
            events("01-basics").forEach(event -> topology.pipe(event, dayAgo));
            assertThat(topology.advanceLive(RepresentationTopologyDriver.PUBLISH_INTERVAL))
                    .as("a backlog waits until it is read").isEmpty();
            KeyValueStore<String, Long> waiting =
                    topology.driver().getKeyValueStore(RepresentationTopology.UNPUBLISHED_STORE);
            assertThat(waiting.get(RepresentationAggregator.CELLS))
                    .as("readers can be told that read figures wait for publication").isNotNull();
            long headcount = topology.advanceLive(Settling.BACKLOG_QUIET).get("ORG|ALL|TOTAL")
                    .getHeadcount();
            assertThat(waiting.approximateNumEntries()).as("nothing waits once published").isZero();

            topology.pipe(FlowTopologyTest.hired("live-hire", "2025-01-10", "FRONTLINE"), topology.liveNow());
            topology.advanceLive(EmployeeStateProcessor.PASS_INTERVAL); // the pass that sends the hire's cells
            assertThat(topology.advanceLive(RepresentationTopologyDriver.PUBLISH_INTERVAL).get("ORG|ALL|TOTAL")
                    .getHeadcount()).as("a live change waits for nothing").isEqualTo(headcount + 1);
        }
    }

    @Test
    void aBacklogIsPublishedAsSoonAsTheApplicationHasReadAllItsInput() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            Instant dayAgo = topology.liveNow().minus(Duration.ofDays(1));
            events("01-basics").forEach(event -> topology.pipe(event, dayAgo));
            assertThat(topology.advanceLive(RepresentationTopologyDriver.PUBLISH_INTERVAL))
                    .as("a backlog still being read waits").isEmpty();
            topology.liveInputReadInASecond();
            assertThat(topology.advanceLive(Duration.ofSeconds(2)))
                    .as("read: published at the next publication, not after the quiet period")
                    .containsKey("ORG|ALL|TOTAL");
        }
    }

    @Test
    void theEmployeeProcessorsSayWhileTheyHoldMarkedEmployees() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            topology.advanceLive(RepresentationTopologyDriver.PUBLISH_INTERVAL);
            topology.advanceFlows(RepresentationTopologyDriver.PUBLISH_INTERVAL);
            assertThat(topology.liveHoldsWork()).as("nothing marked yet").isFalse();
            assertThat(topology.flowsHoldWork()).as("the first pass found no quarter to re-evaluate").isFalse();

            Instant dayAgo = topology.liveNow().minus(Duration.ofDays(1));
            topology.pipe(FlowTopologyTest.hired("clerk", "2024-06-01", "FRONTLINE"), dayAgo);
            assertThat(topology.liveHoldsWork()).as("marked, no pass yet: no offset shows this work").isTrue();
            assertThat(topology.flowsHoldWork()).isTrue();

            topology.advanceLive(EmployeeStateProcessor.PASS_INTERVAL);
            topology.advanceFlows(EmployeeFlowsProcessor.COALESCING_WINDOW); // a live mark waits to coalesce
            assertThat(topology.liveHoldsWork()).as("evaluated: its output is on its way").isFalse();
            assertThat(topology.flowsHoldWork()).isFalse();
        }
    }

    @Test
    void eventsThatChangeNoCountStillKeepABacklogFromLookingSettled() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            Instant dayAgo = topology.liveNow().minus(Duration.ofDays(1));
            topology.pipe(FlowTopologyTest.hired("clerk", "2024-06-01", "FRONTLINE"), dayAgo);
            topology.pipe(FlowTopologyTest.selfIdentified("clerk", "2024-06-01", "BLACK"), dayAgo);
            topology.advanceLive(EmployeeStateProcessor.PASS_INTERVAL);
            topology.advanceLive(Settling.BACKLOG_QUIET.minusSeconds(2));

            // the same identification again: the history changes, no count does (as with a competition step)
            topology.pipe(FlowTopologyTest.selfIdentified("clerk", "2024-07-01", "BLACK"), dayAgo);
            topology.advanceLive(EmployeeStateProcessor.PASS_INTERVAL);
            assertThat(topology.advanceLive(Duration.ofSeconds(3)))
                    .as("10 s after the last count changed, but the backlog is still being read").isEmpty();
            assertThat(topology.advanceLive(Settling.BACKLOG_QUIET).get("ORG|ALL|TOTAL").getHeadcount())
                    .isEqualTo(1);
        }
    }

    @Test
    void theAggregationKeepsCountsPerCellNotPerEmployee() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            KeyValueStore<String, GroupCounts> counts =
                    topology.driver().getKeyValueStore(RepresentationTopology.CELL_COUNTS_STORE);
            for (int i = 0; i < 5; i++) {
                topology.pipe(FlowTopologyTest.hired("clerk-" + i, "2024-06-01", "FRONTLINE"));
            }
            topology.publish();
            long cells = entries(counts).size();

            for (int i = 5; i < 60; i++) {
                topology.pipe(FlowTopologyTest.hired("clerk-" + i, "2024-06-01", "FRONTLINE"));
            }
            Map<String, RepresentationFigures> published = topology.publish();

            assertThat(entries(counts)).as("one entry per cell, however many employees").hasSize((int) cells)
                    .containsKey("ORG|ALL");
            assertThat(entries(counts).get("ORG|ALL").headcount()).isEqualTo(60)
                    .isEqualTo(published.get("ORG|ALL|TOTAL").getHeadcount());
        }
    }

    @Test
    void theOneLiveTaskReceivesCellChangesSummedOverEmployeesNotAChangePerEmployee() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            var changes = topology.driver().createOutputTopic("representation-test-contribution-changes-repartition",
                    new StringDeserializer(), InternalSerdes.liveCountChange().deserializer());
            for (int i = 0; i < 60; i++) {
                topology.pipe(FlowTopologyTest.hired("clerk-" + i, "2024-06-01", "FRONTLINE"));
                topology.pipe(FlowTopologyTest.hired("clerk-" + i, "2024-06-01", "FRONTLINE")); // a duplicate
            }
            Map<String, RepresentationFigures> published = topology.publish();

            List<InternalSerdes.LiveCountChange> sent = changes.readValuesToList();
            assertThat(sent).as("one pass evaluated all 60").hasSize(1);
            assertThat(sent.get(0).cells().get(CellKey.parse("ORG|ALL")).headcount()).isEqualTo(60);
            assertThat(published.get("ORG|ALL|TOTAL").getHeadcount()).isEqualTo(60);
        }
    }

    private static Map<String, GroupCounts> entries(KeyValueStore<String, GroupCounts> store) {
        Map<String, GroupCounts> entries = new java.util.TreeMap<>();
        try (KeyValueIterator<String, GroupCounts> all = store.all()) {
            all.forEachRemaining(entry -> entries.put(entry.key, entry.value));
        }
        return entries;
    }

    @Test
    void aBenchmarkChangeRecomputesTheAffectedCells() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            events("01-basics").forEach(topology::pipe);
            assertThat(topology.publish().get("ORG|ALL|INDIGENOUS").getBenchmark()).isNull();

            topology.benchmark(new Benchmark(Scope.ORG, Group.INDIGENOUS, new BigDecimal("0.033"), "2021 Census", 2021));
            RepresentationFigures withBenchmark = topology.publish().get("UNIT:City|ALL|INDIGENOUS");
            assertThat(withBenchmark.getBenchmark()).isEqualTo(0.033);
            assertThat(withBenchmark.getGapPoints()).isNotNull();
            assertThat(withBenchmark.getBenchmarkSource()).isEqualTo("2021 Census");

            topology.removeBenchmark("ORG|INDIGENOUS");
            assertThat(topology.publish().get("UNIT:City|ALL|INDIGENOUS").getBenchmark()).isNull();
        }
    }

    @Test
    void aCellWithNoHeadcountLeftIsRemovedWithATombstone() {
        GoldenCase golden = GoldenCase.load(GoldenCase.ROOT.resolve("01-basics"));
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, golden.asOf())) {
            golden.events().forEach(topology::pipe);
            Map<String, RepresentationFigures> before = Map.copyOf(topology.publish());
            String executiveOffice = "UNIT:City/Public Safety/Calgary Police Service/Executive Office|ALL|TOTAL";
            assertThat(before).containsKey(executiveOffice);

            // Separate everyone: every cell disappears.
            List<OutgoingEvent> separations = new ArrayList<>();
            golden.events().stream().map(OutgoingEvent::key).distinct().forEach(key -> separations.add(
                    Separations.of(key, LocalDate.of(2025, 1, 15))));
            separations.forEach(topology::pipe);

            assertThat(topology.publish()).isEmpty();
        }
    }

    @Test
    void aWithdrawalErasesTheCategoriesFromTheStateStores() {
        GoldenCase golden = GoldenCase.load(GoldenCase.ROOT.resolve("03-effective-dating"));
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(golden.config(), golden.asOf())) {
            golden.events().forEach(topology::pipe);
            topology.publish();

            KeyValueStore<String, EmployeeHistory> histories =
                    topology.driver().getKeyValueStore(RepresentationTopology.HISTORIES_STORE);
            KeyValueStore<String, Contribution> contributions =
                    topology.driver().getKeyValueStore(RepresentationTopology.CONTRIBUTIONS_STORE);
            // E104 withdrew on 2024-12-01 (event 03-effective-dating-00013).
            String withdrawn = golden.events().stream().filter(e -> e.eventId().equals("03-effective-dating-00013"))
                    .findFirst().orElseThrow().key();

            assertThat(histories.get(withdrawn).events()).allSatisfy(event ->
                    assertThat(event.identification()).isNull());
            assertThat(contributions.get(withdrawn).groups()).containsExactlyInAnyOrder(Group.TOTAL,
                    Group.NOT_DISCLOSED);
            List<KeyValue<String, EmployeeHistory>> all = new ArrayList<>();
            histories.all().forEachRemaining(all::add);
            assertThat(all).anySatisfy(entry -> assertThat(entry.value.events())
                    .anySatisfy(event -> assertThat(event.identification()).isNotNull()));
        }
    }

    @Test
    void eventsOfAnEmployeeNotYetHiredAreCountedAsDataQualityUntilALateHireExplainsThem() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION,
                LocalDate.of(2025, 1, 31))) {
            var promotion = new PromotionEvent("p-1", "late-hire",
                    LocalDate.of(2024, 6, 1), Instant.parse("2024-06-01T09:00:00Z"), "test",
                    Payloads.employeePromoted(new ca.calgary.representation.events.Position(
                            "J", "Inspector", ca.calgary.representation.events.Level.MANAGER, "City/Corporate",
                            "CORPORATE"), null), null);
            topology.pipe(new OutgoingEvent(ca.calgary.representation.ingest.core.EventType.EMPLOYEE_PROMOTED, "p-1",
                    "p-1",
                    ca.calgary.representation.events.contract.EventTopic.PROMOTION, "late-hire", promotion, ""));
            topology.publish();
            var unexplained = topology.latestDataQuality().orElseThrow();
            assertThat(unexplained.getUnexplainedEvents()).isEqualTo(1);
            assertThat(unexplained.getEmployeesWithUnexplainedEvents()).isEqualTo(1);

            var hire = new EmploymentEvent("h-1", "late-hire", LocalDate.of(2020, 1, 1),
                    Instant.parse("2025-01-20T09:00:00Z"), "test", Payloads.employeeHired(
                    new ca.calgary.representation.events.Position("J", "Sergeant",
                            ca.calgary.representation.events.Level.SUPERVISOR, "City/Corporate", "CORPORATE")), null);
            topology.pipe(new OutgoingEvent(ca.calgary.representation.ingest.core.EventType.EMPLOYEE_HIRED, "h-1",
                    "h-1",
                    ca.calgary.representation.events.contract.EventTopic.EMPLOYMENT, "late-hire", hire, ""));
            Map<String, RepresentationFigures> figures = topology.publish();

            assertThat(topology.latestDataQuality().orElseThrow().getUnexplainedEvents()).isZero();
            assertThat(figures.get("ORG|MANAGEMENT|TOTAL").getHeadcount()).isEqualTo(1);
        }
    }

    /** A separation event for an employee key, as the hiring service would publish it. */
    static final class Separations {
        static OutgoingEvent of(String employeeKey, LocalDate date) {
            var value = new EmploymentEvent("sep-" + employeeKey, employeeKey, date,
                    Instant.parse("2025-01-15T12:00:00Z"), "test",
                    Payloads.employeeSeparated(
                            ca.calgary.representation.events.SeparationReason.OTHER), null);
            return new OutgoingEvent(ca.calgary.representation.ingest.core.EventType.EMPLOYEE_SEPARATED,
                    "sep-" + employeeKey, "sep-" + employeeKey,
                    ca.calgary.representation.events.contract.EventTopic.EMPLOYMENT, employeeKey,
                    value, "");
        }
    }
}
