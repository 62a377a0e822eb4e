package ca.calgary.representation.promotion;

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
class PromotionServiceIT extends PlatformBackedServiceTest {


    @Test
    void everyPromotionEventTypeReachesItsTopicFromJsonAndCsv() {
        Http http = readyService();
        String key = pseudonymizer.employeeKey("P-200");
        String competition = "CPS-" + UUID.randomUUID();
        String position = "\"position\":{\"jobCode\":\"POL-MAN\",\"jobTitle\":\"Inspector\",\"level\":\"MANAGER\","
                + "\"orgUnitPath\":\"City/Public Safety/Calgary Police Service\",\"serviceLine\":\"POLICE\"}";
        String positionCells = "POL-MAN,Inspector,MANAGER,City/Public Safety/Calgary Police Service,POLICE";
        String[] ids = new String[8];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        String common = "\"employeeId\":\"P-200\",\"effectiveDate\":\"2024-06-01\"";
        List<Sample> samples = List.of(
                new Sample("PromotionCompetitionOpened", "{\"type\":\"PromotionCompetitionOpened\",\"eventId\":\""
                        + ids[0] + "\",\"effectiveDate\":\"2024-05-01\",\"competitionId\":\"" + competition + "\","
                        + position + "}", ids[0],
                        "eventId,effectiveDate,competitionId,jobCode,jobTitle,level,orgUnitPath,serviceLine\n" + ids[1]
                                + ",2024-05-01," + competition + "," + positionCells + "\n", ids[1],
                        EventTopic.PROMOTION, competition),
                new Sample("PromotionApplicationSubmitted", "{\"type\":\"PromotionApplicationSubmitted\",\"eventId\":\""
                        + ids[2] + "\"," + common + ",\"competitionId\":\"" + competition + "\"}", ids[2],
                        "eventId,employeeId,effectiveDate,competitionId\n" + ids[3] + ",P-200,2024-05-10," + competition
                                + "\n", ids[3], EventTopic.PROMOTION, key),
                new Sample("PromotionCandidateShortlisted", "{\"type\":\"PromotionCandidateShortlisted\",\"eventId\":\""
                        + ids[4] + "\"," + common + ",\"competitionId\":\"" + competition + "\"}", ids[4],
                        "eventId,employeeId,effectiveDate,competitionId\n" + ids[5] + ",P-200,2024-05-20," + competition
                                + "\n", ids[5], EventTopic.PROMOTION, key),
                new Sample("EmployeePromoted", "{\"type\":\"EmployeePromoted\",\"eventId\":\"" + ids[6] + "\"," + common
                        + "," + position + ",\"competitionId\":\"" + competition + "\"}", ids[6],
                        "eventId,employeeId,effectiveDate,jobCode,jobTitle,level,orgUnitPath,serviceLine\n" + ids[7]
                                + ",P-200,2024-06-01," + positionCells + "\n", ids[7], EventTopic.PROMOTION, key));

        ServiceContract.assertEveryTypeReachesItsTopic(http, platform(), pseudonymizer, samples);
    }

    @Test
    void hiringEventsAreSentToTheHiringService() {
        Http http = readyService();

        Http.Response response = http.post("/v1/events", "application/json", "{\"type\":\"EmployeeHired\","
                + "\"eventId\":\"x\",\"employeeId\":\"P-1\",\"effectiveDate\":\"2024-01-01\"}", Http.PUBLISHER);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("reason").stringValue())
                .contains("send it to the hiring service");
    }
}
