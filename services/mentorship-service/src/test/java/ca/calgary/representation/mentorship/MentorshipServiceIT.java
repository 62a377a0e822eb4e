package ca.calgary.representation.mentorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.PlatformBackedServiceTest;
import ca.calgary.representation.ingest.web.ServiceContract;
import ca.calgary.representation.ingest.web.ServiceContract.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MentorshipServiceIT extends PlatformBackedServiceTest {


    @Test
    void everyMentorshipEventTypeReachesItsTopicFromJsonAndCsv() {
        Http http = readyService();
        String key = pseudonymizer.employeeKey("M-300");
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        String common = "\"employeeId\":\"M-300\",\"effectiveDate\":\"2024-09-01\",\"programId\":\"LEAD-2024\"";
        List<Sample> samples = List.of(
                new Sample("MentorshipEnrolled", "{\"type\":\"MentorshipEnrolled\",\"eventId\":\"" + ids[0] + "\","
                        + common + ",\"role\":\"MENTEE\"}", ids[0],
                        "eventId,employeeId,effectiveDate,programId,role\n" + ids[1] + ",M-300,2024-09-01,LEAD-2024,MENTOR\n",
                        ids[1], EventTopic.MENTORSHIP, key),
                new Sample("MentorshipCompleted", "{\"type\":\"MentorshipCompleted\",\"eventId\":\"" + ids[2] + "\","
                        + common + "}", ids[2],
                        "eventId,employeeId,effectiveDate,programId\n" + ids[3] + ",M-300,2025-06-01,LEAD-2024\n", ids[3],
                        EventTopic.MENTORSHIP, key),
                new Sample("MentorshipWithdrawn", "{\"type\":\"MentorshipWithdrawn\",\"eventId\":\"" + ids[4] + "\","
                        + common + "}", ids[4],
                        "eventId,employeeId,effectiveDate,programId\n" + ids[5] + ",M-300,2025-01-01,LEAD-2024\n", ids[5],
                        EventTopic.MENTORSHIP, key));

        ServiceContract.assertEveryTypeReachesItsTopic(http, platform(), pseudonymizer, samples);
    }

    @Test
    void workingGroupAppointmentsReachTheMentorshipTopicFromJsonNdjsonAndCsv() {
        Http http = readyService();
        String key = pseudonymizer.employeeKey("M-301");
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        String common = "\"employeeId\":\"M-301\",\"effectiveDate\":\"2024-06-01\","
                + "\"workingGroupId\":\"ANTI-HATE-WG\"";
        List<Sample> samples = List.of(
                new Sample("WorkingGroupAppointed", "{\"type\":\"WorkingGroupAppointed\",\"eventId\":\"" + ids[0]
                        + "\"," + common + ",\"workingGroupName\":\"Anti-Hate Working Group\",\"role\":\"CO_CHAIR\"}",
                        ids[0], "eventId,employeeId,effectiveDate,workingGroupId,workingGroupName,role\n"
                        + ids[1]
                        + ",M-301,2024-06-01,ANTI-HATE-WG,\"Anti-Hate Working Group, City of Calgary\",MEMBER\n",
                        ids[1], EventTopic.MENTORSHIP, key),
                new Sample("WorkingGroupAppointmentEnded", "{\"type\":\"WorkingGroupAppointmentEnded\",\"eventId\":\""
                        + ids[2] + "\"," + common + "}", ids[2],
                        "eventId,employeeId,effectiveDate,workingGroupId\n" + ids[3]
                                + ",M-301,2025-06-01,ANTI-HATE-WG\n", ids[3], EventTopic.MENTORSHIP, key));

        ServiceContract.assertEveryTypeReachesItsTopic(http, platform(), pseudonymizer, samples);

        Http.Response ndjson = http.post("/v1/events/batch", "application/x-ndjson",
                "{\"type\":\"WorkingGroupAppointed\",\"eventId\":\"" + ids[4] + "\"," + common
                        + ",\"workingGroupName\":\"Anti-Hate Working Group\",\"role\":\"LEAD\"}\n"
                        + "{\"type\":\"WorkingGroupAppointmentEnded\",\"eventId\":\"" + ids[5] + "\"," + common
                        + "}\n",
                Http.PUBLISHER);
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(202);
        assertThat(ndjson.json().path("accepted").asInt()).isEqualTo(2);
    }

    static Stream<Arguments> refusedEvents() {
        return Stream.of(
                Arguments.of("an enrolment with an unknown role", "{\"type\":\"MentorshipEnrolled\",\"eventId\":\"x\","
                        + "\"employeeId\":\"M-1\",\"effectiveDate\":\"2024-01-01\",\"programId\":\"P\","
                        + "\"role\":\"SPONSOR\"}", List.of("role"),
                        List.of("unknown role 'SPONSOR'", "MENTEE", "MENTOR")),
                Arguments.of("an appointment without its group's name, with an unknown role",
                        "{\"type\":\"WorkingGroupAppointed\",\"eventId\":\"x\",\"employeeId\":\"M-1\","
                                + "\"effectiveDate\":\"2024-01-01\",\"workingGroupId\":\"AH\",\"role\":\"SECRETARY\"}",
                        List.of("workingGroupName", "role"),
                        List.of("workingGroupName is required", "unknown role 'SECRETARY'", "CO_CHAIR")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEvents")
    void aRefusedEventNamesEveryFieldAndWhy(String name, String event, List<String> fields, List<String> reasons) {
        Http http = readyService();

        Http.Response response = http.post("/v1/events", "application/json", event, Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrderElementsOf(fields);
        assertThat(response.body()).contains(reasons);
    }
}
