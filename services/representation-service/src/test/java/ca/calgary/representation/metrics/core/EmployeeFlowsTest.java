package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.metrics.core.EmployeeEvent.Kind;
import org.junit.jupiter.api.Test;

class EmployeeFlowsTest {

    static final String PATROL = "City/Public Safety/Calgary Police Service/Patrol";
    static final Placement CONSTABLE = new Placement(Level.FRONTLINE, PATROL, "POLICE");
    static final Placement SERGEANT = new Placement(Level.SUPERVISOR, PATROL, "POLICE");
    static final SelfIdentification BLACK = new SelfIdentification(true, Set.of(), Set.of(RaceCategory.BLACK));
    static final Set<Group> BLACK_GROUPS = Set.of(Group.TOTAL, Group.RESPONDED, Group.BLACK, Group.RACIALIZED,
            Group.INDIGENOUS_BLACK_RACIALIZED);
    static final Quarter FIRST = new Quarter(2024, 1);
    static final LocalDate TODAY = LocalDate.of(2024, 8, 15);

    static Instant at(String date) {
        return Instant.parse(date + "T09:00:00Z");
    }

    static EmployeeEvent hired(String date, Placement placement) {
        return EmployeeEvent.placement("hired-" + date, LocalDate.parse(date), at(date), Kind.HIRED, placement);
    }

    static EmployeeEvent promoted(String date, Placement placement, String competition) {
        return EmployeeEvent.promoted("promoted-" + date, LocalDate.parse(date), at(date), placement, competition);
    }

    static EmployeeEvent separated(String date) {
        return EmployeeEvent.separated("separated-" + date, LocalDate.parse(date), at(date));
    }

    static EmployeeEvent selfIdentified(String date, SelfIdentification identification) {
        return EmployeeEvent.selfIdentified("self-id-" + date, LocalDate.parse(date), at(date), identification);
    }

    static EmployeeHistory history(EmployeeEvent... events) {
        EmployeeHistory history = EmployeeHistory.empty();
        for (EmployeeEvent event : events) {
            history = history.with(event);
        }
        return history;
    }

    /** Hired in 2023 as a constable, self-identifies as Black in 2024-Q1, promoted in Q2, leaves in Q3. */
    static EmployeeHistory constableWhoIsPromotedThenLeaves() {
        return history(hired("2023-06-01", CONSTABLE), selfIdentified("2024-02-10", BLACK),
                promoted("2024-05-01", SERGEANT, null), separated("2024-07-20"));
    }

    @Test
    void eachPeriodHoldsTheStartTheMovesAndTheEnd() {
        EmployeeFlows flows = EmployeeFlows.of(constableWhoIsPromotedThenLeaves(), FIRST, TODAY);

        assertThat(flows.periods().keySet()).extracting(Period::id).containsExactly("2024-Q1", "R12M-2024-Q1",
                "2024-Q2", "R12M-2024-Q2", "2024-Q3", "R12M-2024-Q3");

        FlowContribution q1 = flows.periods().get(Period.parse("2024-Q1"));
        assertThat(q1.atStart()).isEqualTo(CONSTABLE);
        assertThat(q1.atEnd()).isEqualTo(CONSTABLE);
        assertThat(q1.hires()).isEmpty();
        assertThat(q1.groups()).isEqualTo(BLACK_GROUPS);

        FlowContribution rollingQ1 = flows.periods().get(Period.parse("R12M-2024-Q1"));
        assertThat(rollingQ1.atStart()).as("not yet hired on 2023-03-31").isNull();
        assertThat(rollingQ1.hires()).containsExactly(CONSTABLE);

        FlowContribution q2 = flows.periods().get(Period.parse("2024-Q2"));
        assertThat(q2.promotions()).containsExactly(new FlowContribution.Promotion(CONSTABLE, SERGEANT));
        assertThat(q2.atEnd()).isEqualTo(SERGEANT);

        FlowContribution q3 = flows.periods().get(Period.parse("2024-Q3"));
        assertThat(q3.atStart()).isEqualTo(SERGEANT);
        assertThat(q3.separations()).containsExactly(SERGEANT);
        assertThat(q3.atEnd()).isNull();

        FlowContribution rollingQ3 = flows.periods().get(Period.parse("R12M-2024-Q3"));
        assertThat(rollingQ3.atStart()).isEqualTo(CONSTABLE);
        assertThat(rollingQ3.promotions()).hasSize(1);
        assertThat(rollingQ3.separations()).containsExactly(SERGEANT);
    }

    @Test
    void aPromotionCountsIntoTheTiersItEntersAndThePoolOfTheTierAboveTheStartLevel() {
        FlowContribution q2 = EmployeeFlows.of(constableWhoIsPromotedThenLeaves(), FIRST, TODAY).periods()
                .get(Period.parse("2024-Q2"));
        List<FlowContribution.Increment> increments = q2.increments(new PlacementCells(RepresentationConfig.DEFAULT_PUBLIC_SAFETY));

        CellKey orgLeadership = new CellKey(Scope.ORG, Tier.LEADERSHIP);
        CellKey orgAll = new CellKey(Scope.ORG, Tier.ALL);
        assertThat(increments).contains(new FlowContribution.Increment(orgLeadership, FlowMeasure.PROMOTIONS_INTO),
                new FlowContribution.Increment(orgLeadership, FlowMeasure.PROMOTION_POOL),
                new FlowContribution.Increment(orgAll, FlowMeasure.HEADCOUNT_AT_START));
        assertThat(increments).doesNotContain(new FlowContribution.Increment(orgAll, FlowMeasure.PROMOTIONS_INTO),
                new FlowContribution.Increment(new CellKey(Scope.ORG, Tier.MANAGEMENT), FlowMeasure.PROMOTIONS_INTO),
                new FlowContribution.Increment(orgLeadership, FlowMeasure.HEADCOUNT_AT_START));
        // in every scope of the new position: ORG, PUBLIC_SAFETY, the service line and the four unit prefixes
        assertThat(increments.stream().filter(i -> i.measure() == FlowMeasure.PROMOTIONS_INTO)).hasSize(7);
    }

    @Test
    void groupsAreThoseAsOfThePeriodEndSoALateSelfIdentificationCountsTheHireInItsGroups() {
        EmployeeHistory history = history(hired("2024-01-08", CONSTABLE), selfIdentified("2024-02-20", BLACK));
        FlowContribution q1 = EmployeeFlows.of(history, FIRST, TODAY).periods().get(Period.parse("2024-Q1"));
        assertThat(q1.hires()).containsExactly(CONSTABLE);
        assertThat(q1.groups()).isEqualTo(BLACK_GROUPS);
    }

    @Test
    void aBackdatedEventRestatesItsPeriodsAndLaterOnesOnly() {
        EmployeeHistory before = history(hired("2023-06-01", CONSTABLE), selfIdentified("2024-02-10", BLACK));
        EmployeeHistory after = before.with(separated("2024-05-01"));

        EmployeeFlows.Change change = EmployeeFlows.diff(EmployeeFlows.of(before, FIRST, TODAY),
                EmployeeFlows.of(after, FIRST, TODAY));

        assertThat(change.periods().keySet()).extracting(Period::id)
                .containsExactly("2024-Q2", "R12M-2024-Q2", "2024-Q3", "R12M-2024-Q3");
        assertThat(change.applyTo(EmployeeFlows.of(before, FIRST, TODAY)))
                .isEqualTo(EmployeeFlows.of(after, FIRST, TODAY));
    }

    @Test
    void aBackdatedPromotionAlsoRestatesEarlierPeriodsWhoseTwentyFourMonthWindowItFallsIn() {
        EmployeeHistory before = history(hired("2023-06-01", CONSTABLE), selfIdentified("2024-02-10", BLACK));
        EmployeeHistory after = before.with(promoted("2024-05-01", SERGEANT, null));

        EmployeeFlows.Change change = EmployeeFlows.diff(EmployeeFlows.of(before, FIRST, TODAY),
                EmployeeFlows.of(after, FIRST, TODAY));

        // R12M-2024-Q1 starts before the hire, so it has no non-mentee to restate
        assertThat(change.periods().keySet()).extracting(Period::id).containsExactly("2024-Q1",
                "2024-Q2", "R12M-2024-Q2", "2024-Q3", "R12M-2024-Q3");
        assertThat(change.periods().get(Period.parse("2024-Q1")).after().nonMenteePromoted()).isTrue();
    }

    @Test
    void futureDatedEventsWaitForTheirDay() {
        EmployeeHistory history = constableWhoIsPromotedThenLeaves().with(promoted("2024-09-01", SERGEANT, null));
        assertThat(EmployeeFlows.of(history, FIRST, TODAY)).isEqualTo(
                EmployeeFlows.of(constableWhoIsPromotedThenLeaves(), FIRST, TODAY));
    }

    @Test
    void menteesAndNonMenteesArePromotedWithinTwentyFourMonthsOrNot() {
        EmployeeHistory mentee = history(hired("2022-01-10", CONSTABLE),
                EmployeeEvent.mentorship("enrolled", LocalDate.parse("2024-01-15"), at("2024-01-15"),
                        Kind.MENTORSHIP_ENROLLED, "LEAD-2024", MentorshipRole.MENTEE),
                EmployeeEvent.mentorship("completed", LocalDate.parse("2024-03-20"), at("2024-03-20"),
                        Kind.MENTORSHIP_COMPLETED, "LEAD-2024", null),
                promoted("2024-06-01", SERGEANT, null));
        FlowContribution menteeQ1 = EmployeeFlows.of(mentee, FIRST, TODAY).periods().get(Period.parse("2024-Q1"));
        assertThat(menteeQ1.enrolments()).containsExactly(new FlowContribution.Enrolment(CONSTABLE, true));
        assertThat(menteeQ1.completions()).containsExactly(CONSTABLE);
        assertThat(menteeQ1.menteeAtEnd()).isFalse();
        assertThat(menteeQ1.nonMentee()).isFalse();

        EmployeeHistory colleague = history(hired("2022-01-10", CONSTABLE), promoted("2024-06-01", SERGEANT, null));
        FlowContribution colleagueQ1 = EmployeeFlows.of(colleague, FIRST, TODAY).periods()
                .get(Period.parse("2024-Q1"));
        assertThat(colleagueQ1.nonMentee()).isTrue();
        assertThat(colleagueQ1.nonMenteePromoted()).isTrue();
        FlowContribution colleagueQ3 = EmployeeFlows.of(colleague, FIRST, TODAY).periods()
                .get(Period.parse("2024-Q3"));
        assertThat(colleagueQ3.nonMentee()).as("a sergeant is still below MANAGEMENT").isTrue();
        assertThat(colleagueQ3.nonMenteePromoted()).isFalse();
    }

    @Test
    void aCandidateReachesTheFurthestStageWithTheirGroupsAsOfTheirLastStep() {
        EmployeeHistory candidate = history(hired("2020-01-06", CONSTABLE),
                EmployeeEvent.competition("applied", LocalDate.parse("2024-02-01"), at("2024-02-01"),
                        Kind.COMPETITION_APPLIED, "SGT-2024-01"),
                selfIdentified("2024-02-10", BLACK),
                EmployeeEvent.competition("shortlisted", LocalDate.parse("2024-02-20"), at("2024-02-20"),
                        Kind.COMPETITION_SHORTLISTED, "SGT-2024-01"),
                EmployeeEvent.competition("applied-2", LocalDate.parse("2024-03-01"), at("2024-03-01"),
                        Kind.COMPETITION_APPLIED, "SGT-2024-02"),
                promoted("2024-04-01", SERGEANT, "SGT-2024-02"));
        EmployeeFlows flows = EmployeeFlows.of(candidate, FIRST, TODAY);
        assertThat(flows.competitions()).containsEntry("SGT-2024-01",
                new CompetitionEntry(CompetitionEntry.Stage.SHORTLISTED, BLACK_GROUPS));
        assertThat(flows.competitions()).containsEntry("SGT-2024-02",
                new CompetitionEntry(CompetitionEntry.Stage.PROMOTED, BLACK_GROUPS));
    }

    @Test
    void competitionStepsTakenWhileNotActiveCountNowhere() {
        EmployeeHistory history = history(
                EmployeeEvent.competition("applied-early", LocalDate.parse("2023-05-01"), at("2023-05-01"),
                        Kind.COMPETITION_APPLIED, "SUP-1"),
                hired("2023-06-01", CONSTABLE),
                EmployeeEvent.competition("applied", LocalDate.parse("2024-02-01"), at("2024-02-01"),
                        Kind.COMPETITION_APPLIED, "SUP-2"),
                separated("2024-03-01"),
                EmployeeEvent.competition("shortlisted-after-leaving", LocalDate.parse("2024-04-01"),
                        at("2024-04-01"), Kind.COMPETITION_SHORTLISTED, "SUP-2"));
        EmployeeFlows flows = EmployeeFlows.of(history, FIRST, TODAY);
        assertThat(flows.competitions().keySet()).containsExactly("SUP-2");
        assertThat(flows.competitions().get("SUP-2").stage()).isEqualTo(CompetitionEntry.Stage.APPLIED);
        assertThat(history.stateAsOf(TODAY).unexplainedEvents()).as("reported as data quality").isEqualTo(2);
    }
}
