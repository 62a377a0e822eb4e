package ca.calgary.representation.metrics.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.metrics.core.EmployeeEvent.Kind;
import org.junit.jupiter.api.Test;

class EmployeeHistoryTest {

    static final Placement SERGEANT = new Placement(Level.SUPERVISOR, "City/Public Safety/Calgary Police Service", "POLICE");
    static final Placement INSPECTOR = new Placement(Level.MANAGER, "City/Public Safety/Calgary Police Service", "POLICE");
    static final SelfIdentification BLACK = new SelfIdentification(true, Set.of(), Set.of(RaceCategory.BLACK));

    static EmployeeEvent hired(String id, String date, Placement placement) {
        return EmployeeEvent.placement(id, LocalDate.parse(date), Instant.parse(date + "T09:00:00Z"), Kind.HIRED, placement);
    }

    static EmployeeEvent promoted(String id, String date, Placement placement) {
        return EmployeeEvent.placement(id, LocalDate.parse(date), Instant.parse(date + "T09:00:00Z"), Kind.PROMOTED,
                placement);
    }

    @Test
    void stateIsTheFoldInEffectiveOrderWhateverTheArrivalOrder() {
        List<EmployeeEvent> events = List.of(promoted("b", "2024-02-01", INSPECTOR), hired("a", "2021-01-01", SERGEANT),
                EmployeeEvent.selfIdentified("c", LocalDate.parse("2021-01-01"), Instant.parse("2021-01-01T10:00:00Z"),
                        BLACK));
        EmployeeHistory forward = EmployeeHistory.empty();
        for (EmployeeEvent event : events) {
            forward = forward.with(event);
        }
        EmployeeHistory backward = EmployeeHistory.empty();
        for (int i = events.size() - 1; i >= 0; i--) {
            backward = backward.with(events.get(i));
        }
        EmployeeState state = forward.stateAsOf(LocalDate.parse("2025-01-01"));
        assertThat(state).isEqualTo(backward.stateAsOf(LocalDate.parse("2025-01-01")));
        assertThat(state.placement()).isEqualTo(INSPECTOR);
        assertThat(state.groups()).contains(Group.BLACK);
    }

    @Test
    void aDuplicateEventIdChangesNothing() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2021-01-01", SERGEANT));
        assertThat(history.with(hired("a", "2022-01-01", INSPECTOR))).isSameAs(history);
    }

    @Test
    void futureEventsWaitForTheirDay() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2021-01-01", SERGEANT))
                .with(promoted("b", "2025-03-01", INSPECTOR));
        assertThat(history.stateAsOf(LocalDate.parse("2025-02-28")).placement()).isEqualTo(SERGEANT);
        assertThat(history.stateAsOf(LocalDate.parse("2025-03-01")).placement()).isEqualTo(INSPECTOR);
    }

    @Test
    void eventsBeforeTheHireCountNowhereAndAreReported() {
        EmployeeHistory history = EmployeeHistory.empty().with(promoted("b", "2020-01-01", INSPECTOR));
        EmployeeState state = history.stateAsOf(LocalDate.parse("2025-01-01"));
        assertThat(state.active()).isFalse();
        assertThat(state.unexplainedEvents()).isEqualTo(1);
    }

    @Test
    void aSeparationEndsAndALaterHireIsARehire() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2015-01-01", SERGEANT))
                .with(EmployeeEvent.separated("b", LocalDate.parse("2020-06-30"), Instant.parse("2020-06-30T09:00:00Z")))
                .with(hired("c", "2023-09-01", INSPECTOR));
        assertThat(history.stateAsOf(LocalDate.parse("2021-01-01")).active()).isFalse();
        assertThat(history.stateAsOf(LocalDate.parse("2024-01-01")).placement()).isEqualTo(INSPECTOR);
    }

    @Test
    void aWithdrawalErasesTheCategoriesFromTheHistoryItself() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2019-01-01", SERGEANT))
                .with(EmployeeEvent.selfIdentified("b", LocalDate.parse("2019-01-01"), Instant.parse("2019-01-01T10:00:00Z"),
                        BLACK))
                .with(EmployeeEvent.withdrawn("c", LocalDate.parse("2024-12-01"), Instant.parse("2024-12-01T09:00:00Z")));

        assertThat(history.events()).noneMatch(event -> event.identification() != null);
        assertThat(history.stateAsOf(LocalDate.parse("2020-01-01")).groups()).contains(Group.NOT_DISCLOSED);
    }

    @Test
    void aSubmissionAfterTheWithdrawalCountsAgain() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2019-01-01", SERGEANT))
                .with(EmployeeEvent.withdrawn("c", LocalDate.parse("2024-12-01"), Instant.parse("2024-12-01T09:00:00Z")))
                .with(EmployeeEvent.selfIdentified("d", LocalDate.parse("2025-01-10"), Instant.parse("2025-01-10T09:00:00Z"),
                        BLACK));
        assertThat(history.stateAsOf(LocalDate.parse("2025-02-01")).groups()).contains(Group.BLACK);
    }

    @Test
    void anActiveMenteeUntilCompletion() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2019-01-01", SERGEANT))
                .with(EmployeeEvent.mentorship("m1", LocalDate.parse("2024-01-01"), Instant.parse("2024-01-01T09:00:00Z"),
                        Kind.MENTORSHIP_ENROLLED, "LEAD", MentorshipRole.MENTEE))
                .with(EmployeeEvent.mentorship("m2", LocalDate.parse("2024-09-01"), Instant.parse("2024-09-01T09:00:00Z"),
                        Kind.MENTORSHIP_COMPLETED, "LEAD", null));
        assertThat(history.stateAsOf(LocalDate.parse("2024-05-01")).activeMentee()).isTrue();
        assertThat(history.stateAsOf(LocalDate.parse("2024-10-01")).activeMentee()).isFalse();
    }

    static EmployeeEvent appointed(String id, String date, String workingGroup, WorkingGroupRole role) {
        return EmployeeEvent.workingGroup(id, LocalDate.parse(date), Instant.parse(date + "T09:00:00Z"),
                Kind.WORKING_GROUP_APPOINTED, workingGroup, role);
    }

    static EmployeeEvent appointmentEnded(String id, String date, String workingGroup) {
        return EmployeeEvent.workingGroup(id, LocalDate.parse(date), Instant.parse(date + "T09:00:00Z"),
                Kind.WORKING_GROUP_APPOINTMENT_ENDED, workingGroup, null);
    }

    @Test
    void aWorkingGroupSeatFromAppointmentToItsEndWithTheLatestRole() {
        EmployeeHistory history = EmployeeHistory.empty().with(hired("a", "2019-01-01", SERGEANT))
                .with(appointed("w1", "2024-01-01", "AH", WorkingGroupRole.MEMBER))
                .with(appointed("w2", "2024-06-01", "AH", WorkingGroupRole.CHAIR))
                .with(appointed("w3", "2024-02-01", "SC", WorkingGroupRole.LEAD))
                .with(appointmentEnded("w4", "2025-01-01", "AH"));

        assertThat(history.stateAsOf(LocalDate.parse("2023-12-31")).workingGroups()).isEmpty();
        assertThat(history.stateAsOf(LocalDate.parse("2024-03-01")).workingGroups())
                .isEqualTo(java.util.Map.of("AH", false, "SC", true));
        assertThat(history.stateAsOf(LocalDate.parse("2024-07-01")).workingGroups())
                .isEqualTo(java.util.Map.of("AH", true, "SC", true));
        assertThat(history.stateAsOf(LocalDate.parse("2025-02-01")).workingGroups())
                .isEqualTo(java.util.Map.of("SC", true));
    }

    @Test
    void aSeparationEndsEveryAppointmentAndAnInactiveMemberCountsNowhere() {
        EmployeeHistory history = EmployeeHistory.empty()
                .with(appointed("w0", "2018-06-01", "AH", WorkingGroupRole.LEAD))
                .with(hired("a", "2019-01-01", SERGEANT))
                .with(EmployeeEvent.separated("s", LocalDate.parse("2024-06-01"), Instant.parse("2024-06-01T09:00:00Z")))
                .with(hired("b", "2025-01-01", SERGEANT));

        EmployeeState beforeHire = history.stateAsOf(LocalDate.parse("2018-12-01"));
        assertThat(Contribution.of(beforeHire)).as("appointed before the hire: counts nowhere yet").isNull();
        assertThat(Contribution.of(history.stateAsOf(LocalDate.parse("2020-01-01"))).workingGroups())
                .isEqualTo(java.util.Map.of("AH", true));
        assertThat(history.stateAsOf(LocalDate.parse("2025-02-01")).workingGroups())
                .as("a rehire is not appointed again by the old appointment").isEmpty();
    }

    @Test
    void statesAsOfManyDatesAreTheStatesAsOfEachFromOneFold() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            EmployeeHistory history = EmployeeHistory.empty();
            Placement placement = new Placement(Level.FRONTLINE, "City/A", "CORPORATE");
            LocalDate base = LocalDate.parse("2020-01-01");
            for (int e = 0; e < random.nextInt(12); e++) {
                LocalDate day = base.plusDays(random.nextInt(1500));
                Instant at = Instant.parse(day + "T09:00:00Z");
                history = history.with(switch (random.nextInt(5)) {
                    case 0 -> EmployeeEvent.placement("h" + e, day, at, Kind.HIRED, placement);
                    case 1 -> EmployeeEvent.placement("p" + e, day, at, Kind.PROMOTED, placement);
                    case 2 -> EmployeeEvent.separated("s" + e, day, at);
                    case 3 -> EmployeeEvent.withdrawn("w" + e, day, at);
                    default -> EmployeeEvent.competition("c" + e, day, at, Kind.COMPETITION_APPLIED, "C");
                });
            }
            List<LocalDate> dates = new ArrayList<>();
            for (int d = 0; d < 20; d++) {
                dates.add(base.plusDays(random.nextInt(1600) - 50));
            }
            SortedMap<LocalDate, EmployeeState> states = history.statesAsOf(dates);
            assertThat(states.keySet()).containsExactlyInAnyOrderElementsOf(new HashSet<>(dates));
            for (LocalDate date : dates) {
                assertThat(states.get(date)).as("as of " + date).isEqualTo(history.stateAsOf(date));
            }
        }
    }
}
