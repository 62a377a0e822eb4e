package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoldenCase;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.FlowConfig;
import ca.calgary.representation.metrics.core.FlowContribution;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** The flow metrics through the real topology: periods, restatement, snapshots, quarter ends, funnels, privacy. */
class FlowTopologyTest {

    static final LocalDate TODAY = LocalDate.of(2024, 8, 15);
    static final RepresentationConfig NO_SUPPRESSION = new RepresentationConfig(1,
            RepresentationConfig.DEFAULT_PUBLIC_SAFETY, ZoneId.of("America/Edmonton"));
    static final String PATROL = "City/Public Safety/Calgary Police Service/Patrol";
    static final RepresentationConfig K10 = new RepresentationConfig(10, RepresentationConfig.DEFAULT_PUBLIC_SAFETY,
            ZoneId.of("America/Edmonton"));

    static OutgoingEvent hired(String employee, String date, String level) {
        return GoldenCase.event("""
                {"type":"EmployeeHired","eventId":"hire-%1$s-%2$s","employeeId":"%1$s","effectiveDate":"%2$s",
                 "position":{"jobCode":"P","jobTitle":"Police","level":"%3$s","orgUnitPath":"%4$s",
                 "serviceLine":"POLICE"}}""".formatted(employee, date, level, PATROL).replace("\n", ""));
    }

    static OutgoingEvent selfIdentified(String employee, String date, String race) {
        return GoldenCase.event("""
                {"type":"SelfIdentificationSubmitted","eventId":"self-id-%1$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s","status":"RESPONDED","indigenousIdentities":[],"raceCategories":["%3$s"]}"""
                .formatted(employee, date, race).replace("\n", ""));
    }

    static OutgoingEvent withdrawn(String employee, String date) {
        return GoldenCase.event("""
                {"type":"SelfIdentificationWithdrawn","eventId":"withdrawn-%1$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s"}""".formatted(employee, date).replace("\n", ""));
    }

    static OutgoingEvent promoted(String employee, String date, String level, String competition) {
        String competitionField = competition == null ? "" : ",\"competitionId\":\"" + competition + "\"";
        return GoldenCase.event("""
                {"type":"EmployeePromoted","eventId":"promoted-%1$s-%2$s","employeeId":"%1$s","effectiveDate":"%2$s",
                 "position":{"jobCode":"P","jobTitle":"Police","level":"%3$s","orgUnitPath":"%4$s",
                 "serviceLine":"POLICE"}%5$s}""".formatted(employee, date, level, PATROL, competitionField)
                .replace("\n", ""));
    }

    /** An appointment to a working group named after its id ("Working group <id>"), unless named otherwise. */
    static OutgoingEvent appointed(String employee, String date, String workingGroup, String role) {
        return appointed(employee, date, workingGroup, "Working group " + workingGroup, role);
    }

    static OutgoingEvent appointed(String employee, String date, String workingGroup, String name, String role) {
        return GoldenCase.event("""
                {"type":"WorkingGroupAppointed","eventId":"appointed-%1$s-%3$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s","workingGroupId":"%3$s","workingGroupName":"%4$s","role":"%5$s"}"""
                .formatted(employee, date, workingGroup, name, role).replace("\n", ""));
    }

    static OutgoingEvent appointmentEnded(String employee, String date, String workingGroup) {
        return GoldenCase.event("""
                {"type":"WorkingGroupAppointmentEnded","eventId":"ended-%1$s-%3$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s","workingGroupId":"%3$s"}""".formatted(employee, date, workingGroup)
                .replace("\n", ""));
    }

    static OutgoingEvent separated(String employee, String date) {
        return GoldenCase.event("""
                {"type":"EmployeeSeparated","eventId":"separated-%1$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s","reason":"RESIGNATION"}""".formatted(employee, date).replace("\n", ""));
    }

    static OutgoingEvent opened(String competition, String date, String level) {
        return GoldenCase.event("""
                {"type":"PromotionCompetitionOpened","eventId":"opened-%1$s","competitionId":"%1$s",
                 "effectiveDate":"%2$s","position":{"jobCode":"P","jobTitle":"Police","level":"%3$s",
                 "orgUnitPath":"%4$s","serviceLine":"POLICE"}}""".formatted(competition, date, level, PATROL)
                .replace("\n", ""));
    }

    static OutgoingEvent stage(String type, String employee, String date, String competition) {
        return GoldenCase.event("""
                {"type":"%1$s","eventId":"%1$s-%2$s-%4$s","employeeId":"%2$s","effectiveDate":"%3$s",
                 "competitionId":"%4$s"}""".formatted(type, employee, date, competition).replace("\n", ""));
    }

    /** Five Black and five white constables hired in 2023; one Black and three white promoted on 2024-02-01. */
    static List<OutgoingEvent> constables() {
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String employee = "C" + i;
            events.add(hired(employee, "2023-01-10", "FRONTLINE"));
            events.add(selfIdentified(employee, "2023-01-10", i < 5 ? "BLACK" : "WHITE"));
        }
        for (String employee : List.of("C0", "C5", "C6", "C7")) {
            events.add(promoted(employee, "2024-02-01", "SUPERVISOR", null));
        }
        return events;
    }

    @Test
    void flowsOfAQuarterWithRatesAndAdverseImpact() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            constables().forEach(topology::pipe);
            topology.publish();

            FlowFigures black = topology.flows().get("2024-Q1|ORG|LEADERSHIP|BLACK");
            assertThat(black.getPromotionsInto()).isEqualTo(1);
            assertThat(black.getPromotionPool()).isEqualTo(5);
            assertThat(black.getPromotionRate()).isEqualTo(0.2);
            assertThat(black.getPromotionReferenceGroup()).isEqualTo("WHITE_ONLY");
            assertThat(black.getPromotionAdverseImpactRatio()).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(black.getPeriodKind()).isEqualTo("QUARTER");
            assertThat(black.getComplete()).isTrue();
            assertThat(black.getRevision()).isEqualTo(1);
            assertThat(topology.flows().get("R12M-2024-Q1|ORG|ALL|TOTAL").getHires()).isEqualTo(0);
            assertThat(topology.flows().get("R12M-2023-Q1|ORG|ALL|TOTAL").getHires()).isEqualTo(10);
            assertThat(topology.flows().get("2022-Q4|ORG|ALL|TOTAL")).as("before the first quarter").isNull();
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getComplete()).isFalse();
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getHeadcountAtStart()).isEqualTo(10);
        }
    }

    @Test
    void aLateEventRestatesItsPeriodsAndSnapshotsWithAHigherRevision() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            constables().forEach(topology::pipe);
            topology.publish();
            assertThat(topology.snapshots().get("2024-Q1|ORG|ALL|TOTAL").getFigures().getHeadcount()).isEqualTo(10);
            assertThat(topology.snapshots()).as("2024-Q3 has not ended").doesNotContainKey("2024-Q3|ORG|ALL|TOTAL");
            FlowFigures leadershipBefore = topology.flows().get("2024-Q1|ORG|LEADERSHIP|BLACK");

            // a white constable's separation on 2024-03-01 arrives in August
            topology.pipe(separated("C9", "2024-03-01"));
            topology.publish();

            FlowFigures white = topology.flows().get("2024-Q1|ORG|ALL|WHITE_ONLY");
            assertThat(white.getSeparations()).isEqualTo(1);
            assertThat(white.getSeparationRate()).isEqualTo(0.2);
            assertThat(white.getRevision()).isEqualTo(2);
            assertThat(topology.snapshots().get("2024-Q1|ORG|ALL|TOTAL").getFigures().getHeadcount()).isEqualTo(9);
            assertThat(topology.snapshots().get("2024-Q1|ORG|ALL|TOTAL").getRevision()).isEqualTo(2);
            assertThat(topology.snapshots().get("2023-Q4|ORG|ALL|TOTAL").getRevision()).as("before the event")
                    .isEqualTo(1);
            assertThat(topology.flows().get("2024-Q1|ORG|LEADERSHIP|BLACK")).as("unchanged, not republished")
                    .isEqualTo(leadershipBefore);
            // what was published is kept as revision and digest, not as a second copy of the figures
            KeyValueStore<String, String> published = topology.flowDriver()
                    .getKeyValueStore(FlowPeriodAggregator.PUBLISHED_STORE);
            assertThat(published.get("2024-Q1|ORG|ALL|WHITE_ONLY")).matches("2\t[A-Za-z0-9+/]{22}");
        }
    }

    @Test
    void aNewQuarterStartsItsPeriodsAndCompletesTheOldOnesWithoutNewInput() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            constables().forEach(topology::pipe);
            topology.publish();
            long revision = topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getRevision();

            topology.setToday(LocalDate.of(2024, 10, 1));
            topology.publish();

            assertThat(topology.flows().get("2024-Q4|ORG|ALL|TOTAL").getHeadcountAtStart()).isEqualTo(10);
            assertThat(topology.flows().get("R12M-2024-Q4|ORG|LEADERSHIP|TOTAL").getPromotionsInto()).isEqualTo(4);
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getComplete()).isTrue();
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getRevision()).isGreaterThan(revision);
            assertThat(topology.snapshots().get("2024-Q3|ORG|ALL|TOTAL").getFigures().getHeadcount()).isEqualTo(10);
        }
    }

    @Test
    void aCompetitionFunnelPerCompetitionAndRolledUp() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            constables().forEach(topology::pipe);
            topology.pipe(opened("SGT-1", "2024-04-02", "SUPERVISOR"));
            for (int i = 1; i < 5; i++) {
                topology.pipe(stage("PromotionApplicationSubmitted", "C" + i, "2024-04-10", "SGT-1"));
            }
            topology.pipe(stage("PromotionApplicationSubmitted", "C8", "2024-04-10", "SGT-1"));
            topology.pipe(stage("PromotionApplicationSubmitted", "C9", "2024-04-10", "SGT-1"));
            topology.pipe(stage("PromotionCandidateShortlisted", "C1", "2024-05-01", "SGT-1"));
            topology.pipe(stage("PromotionCandidateShortlisted", "C8", "2024-05-01", "SGT-1"));
            topology.pipe(stage("PromotionCandidateShortlisted", "C9", "2024-05-01", "SGT-1"));
            topology.pipe(promoted("C9", "2024-06-01", "SUPERVISOR", "SGT-1"));
            topology.publish();

            CompetitionFigures black = topology.competitions().get("competition|SGT-1|BLACK");
            assertThat(black.getApplicants()).isEqualTo(4);
            assertThat(black.getShortlisted()).isEqualTo(1);
            assertThat(black.getShortlistRate()).isEqualTo(0.25);
            // white: 2 applied, 2 shortlisted
            assertThat(black.getShortlistAdverseImpactRatio()).isEqualTo(0.25);
            assertThat(black.getPeriod()).isEqualTo("2024-Q2");
            assertThat(black.getTargetLevel()).isEqualTo("SUPERVISOR");

            CompetitionFigures rolledUp = topology.competitions().get("2024-Q2|SERVICE_LINE:POLICE|LEADERSHIP|WHITE_ONLY");
            assertThat(rolledUp.getApplicants()).isEqualTo(2);
            assertThat(rolledUp.getPromoted()).isEqualTo(1);
            assertThat(rolledUp.getOverallRate()).isEqualTo(0.5);
            assertThat(topology.competitions()).containsKey("R12M-2024-Q3|ORG|ALL|TOTAL");
        }
    }

    @Test
    void aBacklogIsPublishedAsSoonAsTheFlowApplicationHasReadItNotAtItsNextInterval() {
        Duration interval = Duration.ofMinutes(1);
        FlowConfig flowConfig = new FlowConfig(FlowConfig.defaults().firstQuarter(), FlowConfig.defaults().reference(),
                interval, FlowConfig.DEFAULT_PARTITIONS, FlowConfig.DEFAULT_EMPLOYEES_PER_PASS);
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, flowConfig,
                TODAY)) {
            Instant yearAgo = topology.liveNow().minus(Duration.ofDays(365));
            constables().forEach(event -> topology.pipe(event, yearAgo));
            topology.pipe(opened("SGT-1", "2024-04-02", "SUPERVISOR"), yearAgo);
            topology.pipe(stage("PromotionApplicationSubmitted", "C1", "2024-04-10", "SGT-1"), yearAgo);
            // longer than the live lag: a backlog (and what a start restores) does not become due by waiting
            Duration waited = Duration.ZERO;
            while (waited.compareTo(Settling.LIVE_LAG) <= 0) {
                topology.advanceFlows(RevisedPublication.SLICE_INTERVAL);
                waited = waited.plus(RevisedPublication.SLICE_INTERVAL);
            }
            assertThat(topology.flows()).as("a backlog waits until it is read").isEmpty();
            assertThat(topology.competitions()).isEmpty();

            topology.flowsInputRead();
            topology.advanceFlows(RevisedPublication.SLICE_INTERVAL);

            assertThat(waited.plus(RevisedPublication.SLICE_INTERVAL)).isLessThan(interval);
            assertThat(topology.flows()).isNotEmpty();
            assertThat(topology.snapshots()).isNotEmpty();
            assertThat(topology.competitions()).containsKey("competition|SGT-1|TOTAL");
        }
    }

    @Test
    void theFirstPublicationAfterAStartDoesNotPublishABacklogHalfRead() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            Instant yearAgo = topology.liveNow().minus(Duration.ofDays(365));
            constables().forEach(event -> topology.pipe(event, yearAgo));
            topology.advanceFlows(RevisedPublication.SLICE_INTERVAL); // a pass: the periods get their changes
            // the first publication looks at every period it knows (a quarter may have ended): the periods this
            // backlog changed still wait until it is read
            topology.advanceFlows(FlowConfig.defaults().publishInterval());
            assertThat(topology.flows()).as("a backlog waits until it is read").isEmpty();

            topology.flowsInputRead();
            topology.advanceFlows(RevisedPublication.SLICE_INTERVAL);
            assertThat(topology.flows()).isNotEmpty();
        }
    }

    @Test
    void aLargePublicationOfFunnelsIsSentInSlicesAndCompletely() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            constables().forEach(topology::pipe);
            int competitions = 300;
            int applications = 0;
            for (int c = 0; c < competitions; c++) {
                String competition = "SGT-" + c;
                topology.pipe(opened(competition, "2024-04-02", "SUPERVISOR"));
                for (int i = c % 10; i < 10; i += 3) {
                    topology.pipe(stage("PromotionApplicationSubmitted", "C" + i, "2024-04-10", competition));
                    applications++;
                }
            }
            topology.advanceFlows(Duration.ofMinutes(1));
            List<Integer> slices = new ArrayList<>();
            // the funnels are due once the backlog has settled; then slice follows slice until all are sent
            long steps = Settling.BACKLOG_QUIET.plusSeconds(20).toMillis() / RevisedPublication.SLICE_INTERVAL.toMillis();
            for (int step = 0; step < steps && (slices.isEmpty() || slices.get(slices.size() - 1) > 0); step++) {
                int sent = topology.advanceFlows(RevisedPublication.SLICE_INTERVAL);
                if (sent > 0 || !slices.isEmpty()) {
                    slices.add(sent);
                }
            }

            assertThat(slices.subList(0, slices.size() - 1)).hasSizeGreaterThan(1)
                    .allSatisfy(sent -> assertThat(sent).isLessThanOrEqualTo(RevisedPublication.SLICE_RECORDS));
            for (int c = 0; c < competitions; c++) {
                assertThat(topology.competitions()).containsKey("competition|SGT-" + c + "|TOTAL");
            }
            assertThat(topology.competitions().get("2024-Q2|ORG|ALL|TOTAL").getApplicants()).isEqualTo(applications);
        }
    }

    @Test
    void aFirstLoadPostedLiveIsPublishedWholeOnceItPausesNotHeldBackByItsFirstChanges() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(K10, TODAY)) {
            for (int i = 0; i < 30; i++) {
                topology.pipe(hired("first-" + i, "2024-07-10", "FRONTLINE"), topology.liveNow());
            }
            topology.advanceFlows(RevisedPublication.SLICE_INTERVAL); // the pass that sends the batch's changes
            topology.flowsInputRead(); // read between the load's batches
            topology.advanceFlows(Duration.ofSeconds(2));
            assertThat(topology.flows()).as("a period never published waits until its load pauses").isEmpty();

            for (int i = 0; i < 5; i++) {
                topology.pipe(hired("more-" + i, "2024-07-10", "FRONTLINE"), topology.liveNow());
            }
            for (Duration waited = Duration.ZERO; waited.compareTo(Settling.FIRST_COMPUTATION_QUIET.plusSeconds(2)) < 0;
                 waited = waited.plus(RevisedPublication.SLICE_INTERVAL)) {
                topology.advanceFlows(RevisedPublication.SLICE_INTERVAL);
            }
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getHires())
                    .as("published whole: the last five are not held back by the release rule").isEqualTo(35L);
        }
    }

    @Test
    void aFirstLoadPublishedBeforeItWasReadIsStillAFirstComputationNotHeldBack() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(K10, TODAY)) {
            Instant yearAgo = topology.liveNow().minus(Duration.ofDays(365));
            for (int i = 0; i < 30; i++) {
                topology.pipe(hired("first-" + i, "2024-07-10", "FRONTLINE"), yearAgo);
            }
            // the load pauses longer than a backlog waits: published, though the watch has not found it read
            pause(topology, Settling.BACKLOG_QUIET.plusSeconds(2));
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getHires()).isEqualTo(30L);

            for (int i = 0; i < 5; i++) {
                topology.pipe(hired("more-" + i, "2024-07-10", "FRONTLINE"), yearAgo);
            }
            pause(topology, Settling.BACKLOG_QUIET.plusSeconds(2));
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getHires())
                    .as("the rest of the first load is released, not held back by the release rule").isEqualTo(35L);

            // read and published complete: from now on the release rule holds
            topology.publish();
            topology.pipe(hired("later", "2024-07-10", "FRONTLINE"));
            topology.publish();
            assertThat(topology.flows().get("2024-Q3|ORG|ALL|TOTAL").getHires()).isEqualTo(35L);
        }
    }

    /** Lets the flow application's wall clock run for a while, a second at a time (its passes, its publications). */
    private static void pause(RepresentationTopologyDriver topology, Duration pause) {
        for (Duration waited = Duration.ZERO; waited.compareTo(pause) < 0; waited = waited.plusSeconds(1)) {
            topology.advanceFlows(Duration.ofSeconds(1));
        }
    }

    @Test
    void noSmallCountIsPublished() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(K10, TODAY)) {
            constables().forEach(topology::pipe);
            topology.pipe(separated("C9", "2024-03-01"));
            topology.publish();
            assertThat(topology.flows()).isNotEmpty();
            for (FlowFigures f : topology.flows().values()) {
                if (f.getGroup().equals("TOTAL")) {
                    continue;
                }
                for (Long count : new Long[] {f.getHeadcountAtStart(), f.getHires(), f.getPromotionsInto(),
                        f.getPromotionPool(), f.getSeparations()}) {
                    assertThat(count == null || count == 0 || count >= 10).as(f.toString()).isTrue();
                }
                if (f.getPromotionsInto() == null || f.getPromotionPool() == null) {
                    assertThat(f.getPromotionRate()).isNull();
                    assertThat(f.getPromotionAdverseImpactRatio()).isNull();
                    assertThat(f.getPromotionFisherP()).isNull();
                }
            }
        }
    }

    @Test
    void aWithdrawalErasesTheCategoriesFromTheFlowStores() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(NO_SUPPRESSION, TODAY)) {
            constables().forEach(topology::pipe);
            for (int i = 0; i < 10; i++) {
                topology.pipe(withdrawn("C" + i, "2024-08-01"));
            }
            topology.publish();
            KeyValueStore<String, EmployeeFlows> flows =
                    topology.flowDriver().getKeyValueStore(EmployeeFlowsProcessor.FLOWS_STORE);
            try (KeyValueIterator<String, EmployeeFlows> all = flows.all()) {
                List<KeyValue<String, EmployeeFlows>> employees = new ArrayList<>();
                all.forEachRemaining(employees::add);
                assertThat(employees).hasSize(10);
                for (KeyValue<String, EmployeeFlows> employee : employees) {
                    for (FlowContribution contribution : employee.value.periods().values()) {
                        assertThat(contribution.groups()).containsExactlyInAnyOrder(Group.TOTAL, Group.NOT_DISCLOSED);
                    }
                }
            }
            assertThat(topology.flows().get("2024-Q1|ORG|LEADERSHIP|BLACK").getPromotionsInto()).isZero();
        }
    }
}
