package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ca.calgary.representation.events.EmployeeHired;
import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.contract.Payloads;
import ca.calgary.representation.ingest.core.OutgoingEvent;
import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.DeadLetterReason;
import ca.calgary.representation.metrics.GoldenCase;
import org.junit.jupiter.api.Test;

/**
 * The pipeline never guesses: an input record that cannot be decoded, whose declared type is not its payload's
 * branch, or whose key is not its employeeKey, goes to {@code metrics.dead-letters} with the reason and its source
 * offset, is counted by reason in the data-quality figures, and changes no figure; the records around it are applied.
 */
class InputDeadLetterTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 31);

    private static OutgoingEvent hire(String employeeId) {
        return GoldenCase.event("{\"type\":\"EmployeeHired\",\"eventId\":\"hire-" + employeeId + "\",\"employeeId\":\""
                + employeeId + "\",\"effectiveDate\":\"2025-01-06\",\"position\":{\"jobCode\":\"C1\",\"jobTitle\":"
                + "\"Clerk\",\"level\":\"FRONTLINE\",\"orgUnitPath\":\"City/Corporate\",\"serviceLine\":\"CORPORATE\"}}");
    }

    @Test
    void badRecordsAreDeadLetteredWithReasonAndOffsetAndCountedWhileGoodOnesApply() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                RepresentationTopologyTest.NO_SUPPRESSION, TODAY)) {
            RepresentationTopics topics = topology.topics();
            String employment = topics.employmentTopic();

            topology.pipe(hire("E1"));                                                   // offset 0: applied
            topology.pipeRaw(employment, "k", new byte[] {1, 2, 3, 4, 5, 6});             // 1: not wire format
            topology.pipeRaw(employment, "k", new byte[] {0, 0, 0, 0x7f, 0x7f, 1});      // 2: unknown schema id
            topology.pipeRaw(employment, "k", null);                                     // 3: no value

            OutgoingEvent second = hire("E2");
            EmploymentEvent declaredWrong = EmploymentEvent.newBuilder((EmploymentEvent) second.value())
                    .setType("EmployeeTransferred").build();
            topology.pipe(employment, second.key(), declaredWrong, topics.employment().serializer()); // 4

            OutgoingEvent third = hire("E3");
            topology.pipe(employment, "E3", (EmploymentEvent) third.value(),
                    topics.employment().serializer());                                  // 5: keyed by the HR id
            topology.pipe(employment, null, (EmploymentEvent) third.value(),
                    topics.employment().serializer());                                  // 6: no key
            topology.pipe(hire("E4"));                                                   // 7: applied

            OutgoingEvent withdrawal = GoldenCase.event("{\"type\":\"SelfIdentificationWithdrawn\",\"eventId\":"
                    + "\"w-1\",\"employeeId\":\"E1\",\"effectiveDate\":\"2025-02-01\"}");
            topology.pipe(topics.selfIdentificationTopic(), "someone-else",
                    (SelfIdentificationEvent) withdrawal.value(), topics.selfIdentification().serializer());

            topology.publish();
            Map<String, DeadLetter> letters = topology.deadLetters();
            assertThat(letters.keySet()).containsExactly(employment + "|0|1", employment + "|0|2",
                    employment + "|0|3", employment + "|0|4", employment + "|0|5", employment + "|0|6",
                    topics.selfIdentificationTopic() + "|0|0");
            assertThat(reasons(letters)).containsExactly(DeadLetterReason.UNDECODABLE, DeadLetterReason.UNDECODABLE,
                    DeadLetterReason.UNDECODABLE, DeadLetterReason.TYPE_MISMATCH, DeadLetterReason.KEY_MISMATCH,
                    DeadLetterReason.KEY_MISMATCH, DeadLetterReason.KEY_MISMATCH);
            assertThat(letters.get(employment + "|0|1").getDetail()).contains("magic byte");
            assertThat(letters.get(employment + "|0|2").getDetail()).contains("unknown schema id");
            assertThat(letters.get(employment + "|0|4").getDetail())
                    .contains("declares type EmployeeTransferred but its payload is the union's EmployeeHired branch");
            // the eventId as it travels: pseudonymised, so a dead letter names no employee either
            assertThat(letters.get(employment + "|0|4").getEventId()).isEqualTo(second.eventKey())
                    .doesNotContain("E2");
            assertThat(letters.get(employment + "|0|5").getDetail()).contains("not the event's employeeKey")
                    .doesNotContain("E3");
            assertThat(letters.get(employment + "|0|6").getDetail()).contains("no key");
            assertThat(letters.values()).allSatisfy(letter -> assertThat(letter.getSourcePartition()).isZero());

            DataQuality quality = topology.latestDataQuality().orElseThrow();
            assertThat(quality.getDeadLetters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "UNDECODABLE", 3L, "TYPE_MISMATCH", 1L, "KEY_MISMATCH", 3L, "MALFORMED", 0L));
            assertThat(topology.publish().get("ORG|ALL|TOTAL").getHeadcount())
                    .as("E1 and E4 are counted; nothing dead-lettered is").isEqualTo(2);
            assertThat(topology.publish().get("ORG|ALL|NOT_DISCLOSED").getCount())
                    .as("the misrouted withdrawal did not apply to anyone").isEqualTo(2);
        }
    }

    @Test
    void anEventWithoutDeclaredTypeIsAppliedByItsBranch() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                RepresentationTopologyTest.NO_SUPPRESSION, TODAY)) {
            OutgoingEvent hire = hire("E1");
            EmploymentEvent legacy = EmploymentEvent.newBuilder((EmploymentEvent) hire.value()).setType(null).build();
            topology.pipe(topology.topics().employmentTopic(), hire.key(), legacy,
                    topology.topics().employment().serializer());
            assertThat(topology.publish().get("ORG|ALL|TOTAL").getHeadcount()).isEqualTo(1);
            assertThat(topology.deadLetters()).isEmpty();
        }
    }

    @Test
    void positionsThatWouldMultiplyOrDisguiseScopesAreDeadLettered() {
        try (RepresentationTopologyDriver topology = new RepresentationTopologyDriver(
                RepresentationTopologyTest.NO_SUPPRESSION, TODAY)) {
            RepresentationTopics topics = topology.topics();
            OutgoingEvent hire = hire("E1");
            EmploymentEvent event = (EmploymentEvent) hire.value();
            EmployeeHired hired = (EmployeeHired) event.getPayload();
            Position deep = Position.newBuilder(hired.getPosition())
                    .setOrgUnitPath("City" + "/Unit".repeat(12)).build();
            Position disguised = Position.newBuilder(hired.getPosition())
                    .setOrgUnitPath("City/\u202Eetaroproc").build();
            topology.pipe(topics.employmentTopic(), hire.key(), EmploymentEvent.newBuilder(event)
                    .setPayload(Payloads.employeeHired(deep)).build(), topics.employment().serializer());
            topology.pipe(topics.employmentTopic(), hire.key(), EmploymentEvent.newBuilder(event).setEventId("h2")
                    .setPayload(Payloads.employeeHired(disguised)).build(), topics.employment().serializer());
            topology.publish();
            List<DeadLetter> letters = List.copyOf(topology.deadLetters().values());
            assertThat(letters).extracting(DeadLetter::getReason)
                    .containsExactly(DeadLetterReason.MALFORMED, DeadLetterReason.MALFORMED);
            assertThat(letters.get(0).getDetail()).contains("orgUnitPath has 13 units; at most 12");
            assertThat(letters.get(1).getDetail()).contains("orgUnitPath contains the invisible formatting "
                    + "character U+202E");
            assertThat(topology.publish()).as("no cell of either").isEmpty();
        }
    }

    private static List<DeadLetterReason> reasons(Map<String, DeadLetter> letters) {
        return letters.values().stream().map(DeadLetter::getReason).toList();
    }
}
