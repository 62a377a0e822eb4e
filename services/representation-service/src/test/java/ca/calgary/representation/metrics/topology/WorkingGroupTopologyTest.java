package ca.calgary.representation.metrics.topology;

import static ca.calgary.representation.metrics.topology.FlowTopologyTest.appointed;
import static ca.calgary.representation.metrics.topology.FlowTopologyTest.appointmentEnded;
import static ca.calgary.representation.metrics.topology.FlowTopologyTest.hired;
import static ca.calgary.representation.metrics.topology.FlowTopologyTest.selfIdentified;
import static ca.calgary.representation.metrics.topology.FlowTopologyTest.separated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.core.RepresentationConfig;
import org.junit.jupiter.api.Test;

/**
 * Working groups (SPEC §3, §5): appointments put active employees into their group's WORKING_GROUP scope, tier ALL,
 * and a chair, co-chair or lead into its LEADERSHIP tier too; an appointment's end or a separation takes them out;
 * the group's name is published on metrics.working-groups. Its cells obey suppression like any cell.
 */
class WorkingGroupTopologyTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 31);
    private static final String GROUP = "WORKING_GROUP:ANTI-HATE-WG";

    @Test
    void membersAndLeadersCountInTheirWorkingGroupsTiersWhileAppointedAndActive() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                RepresentationTopologyTest.NO_SUPPRESSION, TODAY)) {
            for (String person : new String[] {"a", "b", "c", "d"}) {
                topology.pipe(hired(person, "2024-01-10", "FRONTLINE"));
            }
            topology.pipe(selfIdentified("a", "2024-01-10", "BLACK"));
            topology.pipe(selfIdentified("b", "2024-01-10", "WHITE"));
            topology.pipe(appointed("a", "2024-03-01", "ANTI-HATE-WG", "CHAIR"));
            topology.pipe(appointed("b", "2024-03-01", "ANTI-HATE-WG", "MEMBER"));
            topology.pipe(appointed("c", "2024-03-01", "ANTI-HATE-WG", "LEAD"));
            topology.pipe(appointed("d", "2025-06-01", "ANTI-HATE-WG", "MEMBER")); // not yet
            topology.pipe(appointed("e", "2024-03-01", "ANTI-HATE-WG", "MEMBER")); // never hired

            Map<String, RepresentationFigures> cells = topology.publish();

            assertThat(cells.get(GROUP + "|ALL|TOTAL").getHeadcount()).isEqualTo(3);
            assertThat(cells.get(GROUP + "|ALL|BLACK").getCount()).isEqualTo(1);
            assertThat(cells.get(GROUP + "|LEADERSHIP|TOTAL").getHeadcount()).isEqualTo(2);
            assertThat(cells.get(GROUP + "|LEADERSHIP|BLACK").getRepresentation()).isEqualTo(0.5);
            assertThat(cells).as("a working group has tiers ALL and LEADERSHIP only")
                    .doesNotContainKey(GROUP + "|MANAGEMENT|TOTAL");
            assertThat(cells.get("ORG|ALL|TOTAL").getHeadcount()).as("appointments add no one to the organisation")
                    .isEqualTo(4);
            assertThat(topology.flows().keySet()).as("working groups have no flows")
                    .noneMatch(key -> key.contains("WORKING_GROUP:"));

            topology.pipe(appointmentEnded("c", "2025-01-15", "ANTI-HATE-WG"));
            topology.pipe(separated("a", "2025-01-20"));
            cells = topology.publish();

            assertThat(cells.get(GROUP + "|ALL|TOTAL").getHeadcount()).isEqualTo(1);
            assertThat(cells).as("no one leads it any more").doesNotContainKey(GROUP + "|LEADERSHIP|TOTAL");

            topology.setToday(LocalDate.of(2025, 6, 1));
            assertThat(topology.publish().get(GROUP + "|ALL|TOTAL").getHeadcount())
                    .as("a future-dated appointment counts on its day").isEqualTo(2);
        }
    }

    @Test
    void theLatestAppointmentInFoldOrderNamesTheGroupAndANameIsPublishedOnlyWhenItChanges() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                RepresentationTopologyTest.NO_SUPPRESSION, TODAY)) {
            topology.pipe(appointed("a", "2024-03-01", "AH", "Anti-Hate Working Group", "MEMBER"));
            topology.pipe(appointed("b", "2024-04-01", "AH", "Anti-Hate Working Group", "MEMBER"));
            assertThat(topology.workingGroups().get("AH").getWorkingGroupName()).isEqualTo("Anti-Hate Working Group");
            assertThat(topology.workingGroupRecords()).isEqualTo(1);

            topology.pipe(appointed("c", "2024-09-01", "AH", "Anti-Hate and Anti-Racism Working Group", "LEAD"));
            topology.pipe(appointed("d", "2024-01-01", "AH", "Anti Hate WG (draft)", "MEMBER")); // earlier: ignored

            assertThat(topology.workingGroups().get("AH").getWorkingGroupName())
                    .isEqualTo("Anti-Hate and Anti-Racism Working Group");
            assertThat(topology.workingGroupRecords()).isEqualTo(2);
        }
    }

    @Test
    void aSmallLeadershipHasItsGroupCountsSuppressedLikeAnyCell() {
        RepresentationConfig k10 = new RepresentationConfig(10, RepresentationConfig.DEFAULT_PUBLIC_SAFETY,
                ZoneId.of("America/Edmonton"));
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(k10, TODAY)) {
            for (int i = 0; i < 24; i++) {
                String person = "p" + i;
                topology.pipe(hired(person, "2024-01-10", "FRONTLINE"));
                topology.pipe(selfIdentified(person, "2024-01-10", i < 12 ? "BLACK" : "WHITE"));
                topology.pipe(appointed(person, "2024-03-01", "AH", i < 3 ? "CO_CHAIR" : "MEMBER"));
            }

            Map<String, RepresentationFigures> cells = topology.publish();

            assertThat(cells.get("WORKING_GROUP:AH|ALL|BLACK").getCount()).isEqualTo(12);
            RepresentationFigures leaders = cells.get("WORKING_GROUP:AH|LEADERSHIP|BLACK");
            assertThat(leaders.getHeadcount()).isEqualTo(3);
            assertThat(leaders.getSuppressed()).isTrue();
            assertThat(leaders.getCount()).isNull();
            assertThat(cells.get("WORKING_GROUP:AH|LEADERSHIP|WHITE_ONLY").getSuppressed())
                    .as("a zero is suppressed too while 0 < N < k").isTrue();
        }
    }
}
