package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import ca.calgary.representation.events.Level;
import ca.calgary.representation.events.MentorshipRole;
import ca.calgary.representation.events.RaceCategory;
import ca.calgary.representation.events.WorkingGroupRole;
import ca.calgary.representation.metrics.core.CellKey;
import ca.calgary.representation.metrics.core.Contribution;
import ca.calgary.representation.metrics.core.EmployeeEvent;
import ca.calgary.representation.metrics.core.EmployeeFlows;
import ca.calgary.representation.metrics.core.EmployeeHistory;
import ca.calgary.representation.metrics.core.FlowCounts;
import ca.calgary.representation.metrics.core.FlowMeasure;
import ca.calgary.representation.metrics.core.Goal;
import ca.calgary.representation.metrics.core.GoalInputs;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.GroupCounts;
import ca.calgary.representation.metrics.core.Placement;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.Releases;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.SelfIdentification;
import ca.calgary.representation.metrics.core.Tier;
import ca.calgary.representation.metrics.core.WorkingGroupNaming;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/**
 * The internal formats of stores and repartition topics: every value round-trips; values written by the previous
 * release (format 2, {@code internal-formats/format2.properties}, written by that release's serdes from the same
 * sample) still read the same after an upgrade; and format 3 keeps an employee's flows several times smaller.
 */
class InternalSerdesTest {

    static final LocalDate TODAY = LocalDate.parse("2024-08-15");

    /** The sample the format 2 values were written from. */
    static EmployeeHistory sample() {
        Placement constable = new Placement(Level.FRONTLINE, "City/Public Safety/Calgary Police Service/Patrol",
                "POLICE");
        Placement sergeant = new Placement(Level.SUPERVISOR, "City/Public Safety/Calgary Police Service/Patrol",
                "POLICE");
        return EmployeeHistory.empty()
                .with(EmployeeEvent.placement("h", LocalDate.parse("2022-06-01"), at("2022-06-01"),
                        EmployeeEvent.Kind.HIRED, constable))
                .with(EmployeeEvent.selfIdentified("s", LocalDate.parse("2022-06-02"), at("2022-06-02"),
                        new SelfIdentification(true, Set.of(), Set.of(RaceCategory.BLACK))))
                .with(EmployeeEvent.mentorship("m", LocalDate.parse("2023-02-01"), at("2023-02-01"),
                        EmployeeEvent.Kind.MENTORSHIP_ENROLLED, "P1", MentorshipRole.MENTEE))
                .with(EmployeeEvent.competition("a", LocalDate.parse("2023-09-01"), at("2023-09-01"),
                        EmployeeEvent.Kind.COMPETITION_APPLIED, "SUP-1"))
                .with(EmployeeEvent.promoted("p", LocalDate.parse("2023-10-01"), at("2023-10-01"), sergeant, "SUP-1"))
                .with(EmployeeEvent.separated("x", LocalDate.parse("2024-03-15"), at("2024-03-15")));
    }

    static EmployeeFlows sampleFlows() {
        return EmployeeFlows.of(sample(), new Quarter(2023, 1), TODAY);
    }

    @Test
    void everyValueRoundTrips() {
        assertThat(roundTrip(InternalSerdes.employeeHistory(), sample()).events()).isEqualTo(sample().events());
        assertThat(roundTrip(InternalSerdes.employeeFlows(), sampleFlows())).isEqualTo(sampleFlows());
        EmployeeEvent withdrawn = EmployeeEvent.withdrawn("w", LocalDate.parse("2024-01-01"), at("2024-01-01"));
        assertThat(roundTrip(InternalSerdes.employeeEvent(), withdrawn)).isEqualTo(withdrawn);
        assertThat(roundTrip(InternalSerdes.employeeFlows(), EmployeeFlows.NONE)).isEqualTo(EmployeeFlows.NONE);
    }

    @Test
    void workingGroupAppointmentsAndSeatsRoundTripAndContributionsOfFormat5ReadWithNone() throws IOException {
        EmployeeHistory history = sample()
                .with(EmployeeEvent.workingGroup("w1", LocalDate.parse("2023-03-01"), at("2023-03-01"),
                        EmployeeEvent.Kind.WORKING_GROUP_APPOINTED, "ANTI-HATE-WG", WorkingGroupRole.CO_CHAIR))
                .with(EmployeeEvent.workingGroup("w2", LocalDate.parse("2023-12-01"), at("2023-12-01"),
                        EmployeeEvent.Kind.WORKING_GROUP_APPOINTMENT_ENDED, "ANTI-HATE-WG", null));
        assertThat(roundTrip(InternalSerdes.employeeHistory(), history).events()).isEqualTo(history.events());
        Placement patrol = new Placement(Level.FRONTLINE, "City/Patrol", "POLICE");
        Contribution seated = new Contribution(patrol, Set.of(Group.TOTAL, Group.NOT_DISCLOSED), true,
                Map.of("ANTI-HATE-WG", true, "STEERING", false));
        assertThat(roundTrip(InternalSerdes.contribution(), seated)).isEqualTo(seated);
        WorkingGroupNaming naming = new WorkingGroupNaming("ANTI-HATE-WG", "Anti-Hate Working Group",
                LocalDate.parse("2023-03-01"), at("2023-03-01"), "w1");
        assertThat(roundTrip(InternalSerdes.workingGroupNaming(), naming)).isEqualTo(naming);

        ByteArrayOutputStream format5 = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(format5)) {
            out.writeByte(5);
            out.writeByte(Level.FRONTLINE.ordinal());
            out.writeUTF("City/Patrol");
            out.writeUTF("POLICE");
            out.writeInt(1 << Group.TOTAL.ordinal() | 1 << Group.NOT_DISCLOSED.ordinal());
            out.writeBoolean(true);
        }
        assertThat(InternalSerdes.contribution().deserializer().deserialize("t", format5.toByteArray()))
                .isEqualTo(new Contribution(patrol, Set.of(Group.TOTAL, Group.NOT_DISCLOSED), true));
    }

    @Test
    void valuesOfThePreviousFormatStillRead() throws IOException {
        Properties format2 = format2();
        assertThat(read(InternalSerdes.employeeHistory(), format2, "history").events()).isEqualTo(sample().events());
        assertThat(read(InternalSerdes.employeeFlows(), format2, "flows")).isEqualTo(sampleFlows());
        assertThat(read(InternalSerdes.employeeEvent(), format2, "event")).isEqualTo(sample().events().get(0));
    }

    @Test
    void placementsAreWrittenOncePerValue() throws IOException {
        int before = Base64.getDecoder().decode(format2().getProperty("flows")).length;
        int after = InternalSerdes.employeeFlows().serializer().serialize("t", sampleFlows()).length;
        assertThat(after).as("format 3 against format 2 (%d bytes)", before).isLessThan(before / 4);
    }

    @Test
    void countsRoundTripInVariableLengthIntegersAndCountsOfFormat3StillRead() throws IOException {
        FlowCounts counts = new FlowCounts();
        counts.addAt(0, 3);
        counts.addAt(17, -2);
        counts.addAt(FlowCounts.SIZE - 1, 5_000_000_000L);
        byte[] written = InternalSerdes.flowCounts().serializer().serialize("t", counts);
        FlowCounts read = InternalSerdes.flowCounts().deserializer().deserialize("t", written);
        for (int i = 0; i < FlowCounts.SIZE; i++) {
            assertThat(read.at(i)).as("count %d", i).isEqualTo(counts.at(i));
        }
        // format 3: a short for how many, then a short index and eight bytes for each
        ByteArrayOutputStream format3 = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(format3)) {
            out.writeByte(3);
            out.writeShort(3);
            for (int i : new int[] {0, 17, FlowCounts.SIZE - 1}) {
                out.writeShort(i);
                out.writeLong(counts.at(i));
            }
        }
        assertThat(written.length).as("against format 3").isLessThan(format3.size() / 2);
        FlowCounts old = InternalSerdes.flowCounts().deserializer().deserialize("t", format3.toByteArray());
        for (int i = 0; i < FlowCounts.SIZE; i++) {
            assertThat(old.at(i)).as("count %d", i).isEqualTo(counts.at(i));
        }
    }

    @Test
    void liveChangesCarryWhoChangedAndChangesOfFormat4ReadWithNobody() throws IOException {
        CellKey org = CellKey.parse("ORG|ALL");
        GroupCounts oneBlack = GroupCounts.empty().plus(Set.of(Group.TOTAL, Group.BLACK), false, 1);
        InternalSerdes.LiveCountChange change = new InternalSerdes.LiveCountChange(Map.of(org, oneBlack),
                Map.of(org, Set.of(Releases.contributor("a"), Releases.contributor("b"))), 2, 1);
        assertThat(roundTrip(InternalSerdes.liveCountChange(), change)).isEqualTo(change);

        // format 4: the same change without the contributors
        byte[] written = InternalSerdes.liveCountChange().serializer().serialize("t", change);
        ByteArrayOutputStream format4 = new ByteArrayOutputStream();
        format4.write(4);
        byte[] withoutContributors = InternalSerdes.liveCountChange().serializer().serialize("t",
                new InternalSerdes.LiveCountChange(Map.of(org, oneBlack), Map.of(), 2, 1));
        // a format-5 value with no contributors ends in an empty map (four bytes) that format 4 did not have
        format4.write(withoutContributors, 1, withoutContributors.length - 1 - 4);
        InternalSerdes.LiveCountChange old = InternalSerdes.liveCountChange().deserializer()
                .deserialize("t", format4.toByteArray());
        assertThat(old.cells()).isEqualTo(change.cells());
        assertThat(old.contributors()).isEmpty();
        assertThat(old.unexplainedEvents()).isEqualTo(2);
        assertThat(written.length).isGreaterThan(withoutContributors.length);
    }

    @Test
    void flowChangesCarryWhoChangedAndChangesOfFormat6ReadWithNobody() throws IOException {
        CellKey org = CellKey.parse("ORG|ALL");
        FlowCounts oneBlackHire = new FlowCounts();
        oneBlackHire.add(FlowMeasure.HIRES, Set.of(Group.TOTAL, Group.BLACK), 1);
        Set<Long> who = Set.of(Releases.contributor("a"), Releases.contributor("b"));
        FlowCountChange.PeriodChange read = roundTrip(InternalSerdes.periodChange(),
                new FlowCountChange.PeriodChange(Map.of(org, oneBlackHire), Map.of(org, who)));
        assertThat(read.cells().get(org).count(FlowMeasure.HIRES, Group.BLACK)).isEqualTo(1);
        assertThat(read.contributors()).isEqualTo(Map.of(org, who));

        // format 6 (a stored count table's format): the same counts without the contributors
        byte[] withoutContributors = InternalSerdes.periodChange().serializer().serialize("t",
                new FlowCountChange.PeriodChange(Map.of(org, oneBlackHire), Map.of()));
        ByteArrayOutputStream format6 = new ByteArrayOutputStream();
        format6.write(6);
        // a format-7 value with no contributors ends in an empty map (four bytes) that format 6 did not have
        format6.write(withoutContributors, 1, withoutContributors.length - 1 - 4);
        FlowCountChange.PeriodChange old = InternalSerdes.periodChange().deserializer()
                .deserialize("t", format6.toByteArray());
        assertThat(old.cells().get(org).count(FlowMeasure.HIRES, Group.BLACK)).isEqualTo(1);
        assertThat(old.contributors()).isEmpty();
    }

    @Test
    void flowReleasesRoundTrip() {
        FlowCounts counts = new FlowCounts();
        counts.add(FlowMeasure.SEPARATIONS, Set.of(Group.TOTAL, Group.WHITE_ONLY), 12);
        Releases.Release<FlowCounts> read = roundTrip(InternalSerdes.flowRelease(),
                new Releases.Release<>(counts, TODAY, Set.of(Releases.contributor("a"))));
        assertThat(read.counts().count(FlowMeasure.SEPARATIONS, Group.WHITE_ONLY)).isEqualTo(12);
        assertThat(read.on()).isEqualTo(TODAY);
        assertThat(read.changedSince()).containsExactly(Releases.contributor("a"));
        assertThat(roundTrip(InternalSerdes.flowRelease(), new Releases.Release<FlowCounts>(null, null, Set.of())))
                .isEqualTo(new Releases.Release<FlowCounts>(null, null, Set.of()));
    }

    @Test
    void releasesRoundTrip() {
        Releases.Release<GroupCounts> never = new Releases.Release<>(null, null, Set.of(Releases.contributor("a")));
        Releases.Release<GroupCounts> released = new Releases.Release<>(
                GroupCounts.empty().plus(Set.of(Group.TOTAL, Group.BLACK), true, 12), TODAY, Set.of());
        assertThat(roundTrip(InternalSerdes.release(), never)).isEqualTo(never);
        assertThat(roundTrip(InternalSerdes.release(), released)).isEqualTo(released);
    }

    @Test
    void goalInputsRoundTripWithEveryCountPublishedOrSuppressed() {
        List<GoalAggregator.Input> inputs = List.of(
                new GoalAggregator.CellChange("LEADERSHIP|BLACK", new GoalInputs.PublishedCell(120, 12L, 0.1, 0.12)),
                new GoalAggregator.CellChange("LEADERSHIP|BLACK", new GoalInputs.PublishedCell(120, null, null, null)),
                new GoalAggregator.CellChange("LEADERSHIP|BLACK", null),
                new GoalAggregator.TwelveMonthsChange("ALL|TOTAL", "R12M-2026-Q3", new GoalInputs.TwelveMonths(
                        "R12M-2026-Q3", LocalDate.parse("2026-09-30"), 390L, 50L, 0L, null, 40L)),
                new GoalAggregator.TwelveMonthsChange("ALL|BLACK", "R12M-2026-Q3", new GoalInputs.TwelveMonths(
                        "R12M-2026-Q3", LocalDate.parse("2026-09-30"), null, 5L, null, 3L, null)),
                new GoalAggregator.TwelveMonthsChange("ALL|BLACK", "R12M-2026-Q3", null),
                new GoalAggregator.GoalChange("LEADERSHIP|BLACK", new Goal(Scope.unit("City/Public Safety"),
                        Tier.LEADERSHIP, Group.BLACK, new BigDecimal("0.150"), Goal.DEFAULT_TARGET_DATE, "Council")),
                new GoalAggregator.GoalChange("LEADERSHIP|METIS", new Goal(Scope.ORG, Tier.LEADERSHIP, Group.METIS,
                        null, LocalDate.parse("2030-06-30"), "the benchmark")),
                new GoalAggregator.GoalChange("LEADERSHIP|METIS", null));
        for (GoalAggregator.Input input : inputs) {
            assertThat(roundTrip(InternalSerdes.goalInput(), input)).isEqualTo(input);
        }
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private static <T> T read(Serde<T> serde, Properties values, String name) {
        return serde.deserializer().deserialize("t", Base64.getDecoder().decode(values.getProperty(name)));
    }

    private static Properties format2() throws IOException {
        Properties values = new Properties();
        try (InputStream in = InternalSerdesTest.class.getResourceAsStream("/internal-formats/format2.properties")) {
            values.load(in);
        }
        return values;
    }

    private static Instant at(String date) {
        return Instant.parse(date + "T09:00:00Z");
    }
}
