package ca.calgary.representation.mentorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.web.Http;
import ca.calgary.representation.ingest.web.PlatformBackedServiceTest;
import ca.calgary.representation.ingest.web.ServiceContract;
import ca.calgary.representation.ingest.web.ServiceContract.Sample;
import org.junit.jupiter.api.Test;
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

        ServiceContract.assertEveryTypeReachesItsTopic(http, platform(), samples);
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheField() {
        Http http = readyService();

        Http.Response response = http.post("/v1/events", "application/json", "{\"type\":\"MentorshipEnrolled\","
                + "\"eventId\":\"x\",\"employeeId\":\"M-1\",\"effectiveDate\":\"2024-01-01\",\"programId\":\"P\","
                + "\"role\":\"SPONSOR\"}", Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("field").stringValue()).isEqualTo("role");
        assertThat(response.json().path("errors").get(0).path("reason").stringValue())
                .contains("unknown role 'SPONSOR'", "MENTEE", "MENTOR");
    }
}
