package ca.calgary.representation.ingest.core;

import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.ALL;
import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.HIRED;
import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.SELF_ID;
import static ca.calgary.representation.ingest.core.CanonicalEventReaderTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import ca.calgary.representation.events.EmploymentEvent;
import ca.calgary.representation.events.PromotionEvent;
import ca.calgary.representation.events.SelfIdentificationEvent;
import ca.calgary.representation.events.contract.EventTopic;
import org.junit.jupiter.api.Test;

class OutgoingEventTest {

    private final Pseudonymizer pseudonymizer = Pseudonymizer.fromEncodedKey(PseudonymizerTest.KEY);
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void anEmploymentEventIsKeyedAndCarriedByTheEmployeeKeyNeverTheId() {
        OutgoingEvent outgoing = OutgoingEvent.of(ALL.read(json(HIRED)).event(), pseudonymizer, now, "caller");

        assertThat(outgoing.topic()).isEqualTo(EventTopic.EMPLOYMENT);
        assertThat(outgoing.key()).isEqualTo(pseudonymizer.employeeKey("E001"));
        EmploymentEvent value = (EmploymentEvent) outgoing.value();
        assertThat(value.getEmployeeKey()).isEqualTo(pseudonymizer.employeeKey("E001"));
        assertThat(value.toString()).doesNotContain("E001");
        assertThat(value.getRecordedAt()).isEqualTo(Instant.parse("2021-03-01T09:00:00Z"));
        assertThat(value.getSource()).isEqualTo("golden");
    }

    @Test
    void selfIdentificationGoesToItsOwnTopicWithRecordedAtAndSourceFilledIn() {
        OutgoingEvent outgoing = OutgoingEvent.of(ALL.read(json(SELF_ID)).event(), pseudonymizer, now, "sap-hr");

        assertThat(outgoing.topic()).isEqualTo(EventTopic.SELF_IDENTIFICATION);
        SelfIdentificationEvent value = (SelfIdentificationEvent) outgoing.value();
        assertThat(value.getRecordedAt()).isEqualTo(now);
        assertThat(value.getSource()).isEqualTo("sap-hr");
    }

    @Test
    void aCompetitionOpeningIsKeyedByItsCompetition() {
        String opened = "{\"type\":\"PromotionCompetitionOpened\",\"eventId\":\"e\",\"effectiveDate\":\"2024-01-01\","
                + "\"competitionId\":\"CPS-17\",\"position\":{\"jobCode\":\"J\",\"jobTitle\":\"Inspector\","
                + "\"level\":\"MANAGER\",\"orgUnitPath\":\"City\",\"serviceLine\":\"POLICE\"}}";

        OutgoingEvent outgoing = OutgoingEvent.of(ALL.read(json(opened)).event(), pseudonymizer, now, "x");

        assertThat(outgoing.key()).isEqualTo("CPS-17");
        assertThat(((PromotionEvent) outgoing.value()).getEmployeeKey()).isNull();
    }

    @Test
    void theEventIdTravelsPseudonymisedAndOnlyTheReceiptKeepsItInClear() {
        String hired = HIRED.replace("\"ev-1\"", "\"E001-hire-2021\"");

        OutgoingEvent outgoing = OutgoingEvent.of(ALL.read(json(hired)).event(), pseudonymizer, now, "caller");

        assertThat(outgoing.eventId()).isEqualTo("E001-hire-2021");
        assertThat(outgoing.eventKey()).isEqualTo(pseudonymizer.eventKey("E001-hire-2021"));
        assertThat(((EmploymentEvent) outgoing.value()).getEventId()).isEqualTo(outgoing.eventKey());
        assertThat(outgoing.value().toString()).doesNotContain("E001").doesNotContain("hire-2021");
    }

    @Test
    void theFingerprintIsStableForTheSameEventAndDiffersForOtherContent() {
        String first = OutgoingEvent.of(ALL.read(json(SELF_ID)).event(), pseudonymizer, now, "a").fingerprint();
        String again = OutgoingEvent.of(ALL.read(json(SELF_ID)).event(), pseudonymizer, now.plusSeconds(5), "b")
                .fingerprint();
        String other = OutgoingEvent.of(ALL.read(json(SELF_ID.replace("BLACK", "WHITE"))).event(), pseudonymizer,
                now, "a").fingerprint();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }
}
