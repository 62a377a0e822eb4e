package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.FlowFigures;
import ca.calgary.representation.metrics.GoldenCase;
import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.RepresentationSnapshot;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The attacker of SPEC §9 "Differencing over time": knowing that one person joined, left or changed today, they
 * compare the live figures and the flows before and after. On a converged workforce each kind of change is made for
 * one known person, and no published group figure of any (scope, tier) may move (count, share, suppression flag,
 * interval, mentees, date); only TOTAL's headcount may; and no flow figure of any period (the quarter in progress and
 * its 12 months included) may move at all. Once the release threshold of people have changed, the figures move.
 * With the rule switched off (threshold 1) the same attack must succeed, which shows the check can see it.
 */
class ReleaseRuleAttackTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 31);
    private static final String CHANGE_DAY = "2025-01-30";
    private static final RepresentationConfig K10 = new RepresentationConfig(10,
            RepresentationConfig.DEFAULT_PUBLIC_SAFETY, ZoneId.of("America/Edmonton"));
    private static final String FINANCE = "City/Corporate/Finance";
    private static final String ANTI_HATE = "ANTI-HATE-WG";
    /** A day in the quarter before TODAY's, whose snapshot is published. */
    private static final String LATE_DAY = "2024-11-15";
    private static final String PATROL_SNAPSHOT_2024_Q4 =
            "2024-Q4|UNIT:City/Public Safety/Calgary Police Service/Patrol|ALL";
    private static final String PATROL_FLOWS_THIS_QUARTER =
            "2025-Q1|UNIT:City/Public Safety/Calgary Police Service/Patrol|ALL";

    /** One known person's change; each is made to a person whose groups the attacker wants to learn. */
    enum Change {
        HIRE(person -> List.of(FlowTopologyTest.hired(person, CHANGE_DAY, "FRONTLINE"),
                FlowTopologyTest.selfIdentified(person, CHANGE_DAY, "BLACK"))),
        PROMOTION(person -> List.of(FlowTopologyTest.promoted("black-1", CHANGE_DAY, "SUPERVISOR", null))),
        SEPARATION(person -> List.of(FlowTopologyTest.separated("black-2", CHANGE_DAY))),
        TRANSFER(person -> List.of(transferred("black-3", CHANGE_DAY, FINANCE))),
        SELF_IDENTIFICATION(person -> List.of(FlowTopologyTest.selfIdentified("undisclosed-1", CHANGE_DAY, "BLACK"))),
        WITHDRAWAL(person -> List.of(FlowTopologyTest.withdrawn("black-4", CHANGE_DAY))),
        MENTORSHIP_ENROLMENT(person -> List.of(enrolled("black-5", CHANGE_DAY))),
        WORKING_GROUP_APPOINTMENT(false, person -> List.of(
                FlowTopologyTest.appointed("black-6", CHANGE_DAY, ANTI_HATE, "MEMBER"))),
        WORKING_GROUP_LEADERSHIP_APPOINTMENT(false, person -> List.of(
                FlowTopologyTest.appointed("black-7", CHANGE_DAY, ANTI_HATE, "CHAIR"))),
        WORKING_GROUP_APPOINTMENT_END(false, person -> List.of(
                FlowTopologyTest.appointmentEnded("clerk-0", CHANGE_DAY, ANTI_HATE)));

        private final Function<String, List<OutgoingEvent>> events;
        /** Whether it is counted in the flows (working groups have live figures only). */
        private final boolean counted;

        Change(Function<String, List<OutgoingEvent>> events) {
            this(true, events);
        }

        Change(boolean counted, Function<String, List<OutgoingEvent>> events) {
            this.counted = counted;
            this.events = events;
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void oneKnownPersonsChangeMovesNoPublishedGroupFigureUntilTheThresholdOfPeopleHaveChanged(Change change) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(K10, TODAY)) {
            Map<String, String> before = groupFigures(converged(topology));
            Map<String, String> flowsBefore = flowFigures(topology);

            change.events.apply("target").forEach(topology::pipe);
            Map<String, RepresentationFigures> after = topology.publish();

            assertThat(separating(before, groupFigures(after))).as("figures that move with one person's %s", change)
                    .isEmpty();
            assertThat(separating(flowsBefore, flowFigures(topology)))
                    .as("flow figures (the quarter in progress, its 12 months) that move with one person's %s", change)
                    .isEmpty();
            assertThat(after.get("UNIT:City/Public Safety/Calgary Police Service/Patrol|ALL|TOTAL").getHeadcount())
                    .as("headcount keeps updating").isEqualTo(change == Change.HIRE ? 77
                            : change == Change.SEPARATION || change == Change.TRANSFER ? 75 : 76);

            // nine more people hired into the same unit: ten have changed, and the unit's figures are released
            for (int i = 0; i < 9; i++) {
                topology.pipe(FlowTopologyTest.hired("later-" + i, CHANGE_DAY, "FRONTLINE"));
                topology.pipe(FlowTopologyTest.selfIdentified("later-" + i, CHANGE_DAY, "WHITE"));
            }
            Map<String, RepresentationFigures> released = topology.publish();
            RepresentationFigures patrolWhite =
                    released.get("UNIT:City/Public Safety/Calgary Police Service/Patrol|ALL|WHITE_ONLY");
            assertThat(patrolWhite.getAsOf()).isEqualTo(TODAY);
            assertThat(patrolWhite.getCount()).isGreaterThanOrEqualTo(34L);
            FlowFigures patrolHires = topology.flows().get(PATROL_FLOWS_THIS_QUARTER + "|TOTAL");
            if (change.counted) {
                assertThat(patrolHires.getHires()).as("the quarter's hires, released").isGreaterThanOrEqualTo(9L);
            } else {
                assertThat(patrolHires.getHires()).as("nine people changed in the unit's flows: not yet released")
                        .isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void withTheRuleSwitchedOffTheSameAttackSeparatesThePerson(Change change) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(K10.withReleaseThreshold(1),
                TODAY)) {
            Map<String, String> before = groupFigures(converged(topology));
            Map<String, String> flowsBefore = flowFigures(topology);

            change.events.apply("target").forEach(topology::pipe);

            assertThat(separating(before, groupFigures(topology.publish()))).isNotEmpty();
            List<String> flowsMoved = separating(flowsBefore, flowFigures(topology));
            if (change.counted) {
                assertThat(flowsMoved).as("flow figures that separate the person").isNotEmpty();
            } else {
                assertThat(flowsMoved).as("a working-group appointment is not counted in flows").isEmpty();
            }
        }
    }

    /**
     * A late hire into an ended quarter (told after its snapshot was published) restates its snapshot: no group
     * figure of it may move, TOTAL's headcount may; once ten people have changed in it, the group figures move too.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {10, 1})
    void aLateChangeRestatesNoSnapshotGroupFigureUntilTheThresholdOfPeopleHaveChanged(int threshold) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                K10.withReleaseThreshold(threshold), TODAY)) {
            converged(topology);
            Map<String, String> before = snapshotGroupFigures(topology.snapshots());
            assertThat(before).containsKey(PATROL_SNAPSHOT_2024_Q4 + "|BLACK");

            topology.pipe(FlowTopologyTest.hired("late", LATE_DAY, "FRONTLINE"));
            topology.pipe(FlowTopologyTest.selfIdentified("late", LATE_DAY, "BLACK"));
            topology.publish();

            List<String> moved = separating(before, snapshotGroupFigures(topology.snapshots()));
            if (threshold == 1) {
                assertThat(moved).as("with the rule off the restatement names the late hire's group").isNotEmpty();
                return;
            }
            assertThat(moved).as("snapshot figures that move with one late hire").isEmpty();
            assertThat(topology.snapshots().get(PATROL_SNAPSHOT_2024_Q4 + "|TOTAL").getFigures().getHeadcount())
                    .as("headcount keeps updating").isEqualTo(77);

            for (int i = 0; i < 9; i++) {
                topology.pipe(FlowTopologyTest.hired("late-" + i, LATE_DAY, "FRONTLINE"));
                topology.pipe(FlowTopologyTest.selfIdentified("late-" + i, LATE_DAY, "WHITE"));
            }
            topology.publish();
            var black = topology.snapshots().get(PATROL_SNAPSHOT_2024_Q4 + "|BLACK");
            assertThat(black.getFigures().getCount()).as("released: ten people changed").isEqualTo(22L);
            assertThat(black.getReleasedOn()).isEqualTo(TODAY);
        }
    }

    /**
     * One known person applies to a promotion competition whose funnel is published: neither its funnel nor any
     * roll-up may move until ten candidates have changed in it; a competition first seen after the first computation
     * is published once ten candidates are in it.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {10, 1})
    void oneApplicationMovesNoFunnelOrRollupUntilTheThresholdOfCandidatesHaveChanged(int threshold) {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                K10.withReleaseThreshold(threshold), TODAY)) {
            List<OutgoingEvent> competition = new ArrayList<>();
            competition.add(FlowTopologyTest.opened("SGT-9", "2025-01-06", "SUPERVISOR"));
            for (int i = 0; i < 20; i++) {
                competition.add(FlowTopologyTest.stage("PromotionApplicationSubmitted", "white-" + i, "2025-01-08",
                        "SGT-9"));
            }
            competition.forEach(topology::pipe);
            converged(topology);
            Map<String, String> before = competitionFigures(topology);
            assertThat(before).containsKey("competition|SGT-9|TOTAL");

            topology.pipe(FlowTopologyTest.stage("PromotionApplicationSubmitted", "black-8", CHANGE_DAY, "SGT-9"));
            topology.pipe(FlowTopologyTest.opened("SGT-10", CHANGE_DAY, "SUPERVISOR"));
            topology.pipe(FlowTopologyTest.stage("PromotionApplicationSubmitted", "black-9", CHANGE_DAY, "SGT-10"));
            topology.publish();

            List<String> moved = separating(before, competitionFigures(topology));
            if (threshold == 1) {
                assertThat(moved).as("with the rule off the funnels name the applicants' group").isNotEmpty();
                return;
            }
            assertThat(moved).as("funnel and roll-up figures that move with one known application").isEmpty();

            for (int i = 0; i < 9; i++) {
                topology.pipe(FlowTopologyTest.stage("PromotionApplicationSubmitted", "undisclosed-" + i, CHANGE_DAY,
                        "SGT-9"));
                topology.pipe(FlowTopologyTest.stage("PromotionApplicationSubmitted", "sergeant-" + i, CHANGE_DAY,
                        "SGT-10"));
            }
            topology.publish();
            assertThat(topology.competitions().get("competition|SGT-9|TOTAL").getApplicants())
                    .as("released: ten candidates changed").isEqualTo(30L);
            assertThat(topology.competitions().get("competition|SGT-10|TOTAL").getApplicants())
                    .as("a new competition appears with its tenth candidate").isEqualTo(10L);
            assertThat(topology.competitions().get("competition|SGT-9|TOTAL").getReleasedOn()).isEqualTo(TODAY);
        }
    }

    @org.junit.jupiter.api.Test
    void aFirstLoadPostedLiveIsPublishedWholeOnceReadNotHeldBackByItsFirstCells() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(K10, TODAY)) {
            for (int i = 0; i < 30; i++) {
                topology.pipe(FlowTopologyTest.hired("first-" + i, "2024-01-10", "FRONTLINE"), topology.liveNow());
            }
            topology.advanceLive(EmployeeStateProcessor.PASS_INTERVAL); // the pass that sends the batch's cells
            // read between its batches: the watch finds everything read, the next batch is still to come
            topology.liveInputReadInASecond();
            assertThat(topology.advanceLive(java.time.Duration.ofSeconds(2)))
                    .as("a first computation waits until its load pauses").isEmpty();
            for (int i = 0; i < 5; i++) {
                topology.pipe(FlowTopologyTest.hired("more-" + i, "2024-01-10", "FRONTLINE"), topology.liveNow());
            }
            topology.advanceLive(EmployeeStateProcessor.PASS_INTERVAL);
            topology.liveInputReadInASecond();
            Map<String, RepresentationFigures> published = topology.advanceLive(
                    Settling.FIRST_COMPUTATION_QUIET.plusSeconds(2));
            assertThat(published.get("ORG|ALL|NOT_DISCLOSED").getCount()).isEqualTo(35L);
            assertThat(published.get("ORG|ALL|NOT_DISCLOSED").getHeadcount()).isEqualTo(35L);
        }
    }

    /**
     * The Patrol unit: 16 Black, 30 white and 10 undisclosed constables, and 20 supervisors (5 Black); Finance: 12
     * Black and 20 white clerks; a working group of 15 white constables and the 12 Black clerks as members, led by
     * 15 supervisors (5 Black). Hired a year ago and published (a first computation).
     */
    private static Map<String, RepresentationFigures> converged(RepresentationTopologyDriver topology) {
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            events.add(FlowTopologyTest.hired("black-" + i, "2024-01-10", "FRONTLINE"));
            events.add(FlowTopologyTest.selfIdentified("black-" + i, "2024-01-10", "BLACK"));
        }
        for (int i = 0; i < 30; i++) {
            events.add(FlowTopologyTest.hired("white-" + i, "2024-01-10", "FRONTLINE"));
            events.add(FlowTopologyTest.selfIdentified("white-" + i, "2024-01-10", "WHITE"));
        }
        for (int i = 0; i < 10; i++) {
            events.add(FlowTopologyTest.hired("undisclosed-" + i, "2024-01-10", "FRONTLINE"));
        }
        for (int i = 0; i < 20; i++) {
            events.add(FlowTopologyTest.hired("sergeant-" + i, "2024-01-10", "SUPERVISOR"));
            events.add(FlowTopologyTest.selfIdentified("sergeant-" + i, "2024-01-10", i < 5 ? "BLACK" : "WHITE"));
        }
        for (int i = 0; i < 32; i++) {
            events.add(hired("clerk-" + i, "2024-01-11", FINANCE));
            events.add(FlowTopologyTest.selfIdentified("clerk-" + i, "2024-01-10", i < 12 ? "BLACK" : "WHITE"));
        }
        for (int i = 0; i < 15; i++) {
            events.add(FlowTopologyTest.appointed("white-" + i, "2024-02-01", ANTI_HATE, "MEMBER"));
            events.add(FlowTopologyTest.appointed("sergeant-" + i, "2024-02-01", ANTI_HATE,
                    i == 0 ? "CHAIR" : "LEAD"));
        }
        for (int i = 0; i < 12; i++) {
            events.add(FlowTopologyTest.appointed("clerk-" + i, "2024-02-01", ANTI_HATE, "MEMBER"));
        }
        events.forEach(topology::pipe);
        return topology.publish();
    }

    /** Every published snapshot as the attacker reads it; TOTAL without its headcount (not sensitive, SPEC §9). */
    private static Map<String, String> snapshotGroupFigures(Map<String, RepresentationSnapshot> published) {
        Map<String, RepresentationFigures> figures = new TreeMap<>();
        published.forEach((key, snapshot) -> figures.put(key, snapshot.getFigures()));
        return groupFigures(figures);
    }

    /** Every published funnel and roll-up, as the attacker reads it. */
    private static Map<String, String> competitionFigures(RepresentationTopologyDriver topology) {
        Map<String, String> figures = new TreeMap<>();
        topology.competitions().forEach((key, record) ->
                figures.put(key, CompetitionFigures.newBuilder(record).setRevision(0).build().toString()));
        return figures;
    }

    /** Every published flow figure, as the attacker reads it: a restatement's revision tells nothing more. */
    private static Map<String, String> flowFigures(RepresentationTopologyDriver topology) {
        Map<String, String> figures = new TreeMap<>();
        topology.flows().forEach((key, record) ->
                figures.put(key, FlowFigures.newBuilder(record).setRevision(0).build().toString()));
        return figures;
    }

    /** Every published figure as the attacker reads it; TOTAL without its headcount (not sensitive, SPEC §9). */
    private static Map<String, String> groupFigures(Map<String, RepresentationFigures> published) {
        Map<String, String> figures = new TreeMap<>();
        published.forEach((key, record) -> {
            RepresentationFigures copy = RepresentationFigures.newBuilder(record).build();
            if ("TOTAL".equals(copy.getGroup())) {
                copy.setHeadcount(0);
                copy.setCount(null);
                copy.setAsOf(TODAY);
            }
            figures.put(key, copy.toString());
        });
        return figures;
    }

    /** The figures that differ between two releases (and cells that appeared or went). */
    private static List<String> separating(Map<String, String> before, Map<String, String> after) {
        List<String> moved = new ArrayList<>();
        before.forEach((key, figures) -> {
            if (!figures.equals(after.get(key))) {
                moved.add(key + ": " + figures + " -> " + after.get(key));
            }
        });
        after.keySet().stream().filter(key -> !before.containsKey(key)).forEach(key -> moved.add(key + " appeared"));
        return moved;
    }

    private static OutgoingEvent hired(String employee, String date, String unit) {
        return GoldenCase.event("""
                {"type":"EmployeeHired","eventId":"hire-%1$s-%2$s","employeeId":"%1$s","effectiveDate":"%2$s",
                 "position":{"jobCode":"C","jobTitle":"Clerk","level":"FRONTLINE","orgUnitPath":"%3$s",
                 "serviceLine":"CORPORATE"}}""".formatted(employee, date, unit).replace("\n", ""));
    }

    private static OutgoingEvent transferred(String employee, String date, String unit) {
        return GoldenCase.event("""
                {"type":"EmployeeTransferred","eventId":"transfer-%1$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s","position":{"jobCode":"C","jobTitle":"Clerk","level":"FRONTLINE",
                 "orgUnitPath":"%3$s","serviceLine":"CORPORATE"}}""".formatted(employee, date, unit)
                .replace("\n", ""));
    }

    private static OutgoingEvent enrolled(String employee, String date) {
        return GoldenCase.event("""
                {"type":"MentorshipEnrolled","eventId":"enrolled-%1$s-%2$s","employeeId":"%1$s",
                 "effectiveDate":"%2$s","programId":"LEAD-2025","role":"MENTEE"}""".formatted(employee, date)
                .replace("\n", ""));
    }
}
