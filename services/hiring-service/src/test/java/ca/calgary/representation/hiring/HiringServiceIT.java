package ca.calgary.representation.hiring;

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
class HiringServiceIT extends PlatformBackedServiceTest {


    @Test
    void everyHiringEventTypeReachesItsTopicFromJsonAndCsv() {
        Http http = readyService();
        String key = pseudonymizer.employeeKey("H-100");
        String position = "\"position\":{\"jobCode\":\"PEA-SUP\",\"jobTitle\":\"Sergeant\",\"level\":\"SUPERVISOR\","
                + "\"orgUnitPath\":\"City/Public Safety/Community Peace Officers\",\"serviceLine\":\"PEACE_OFFICERS\"}";
        String positionColumns = "jobCode,jobTitle,level,orgUnitPath,serviceLine";
        String positionCells = "PEA-SUP,Sergeant,SUPERVISOR,City/Public Safety/Community Peace Officers,PEACE_OFFICERS";
        String[] ids = new String[10];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        String common = "\"employeeId\":\"H-100\",\"effectiveDate\":\"2024-02-01\"";
        List<Sample> samples = List.of(
                new Sample("EmployeeHired", "{\"type\":\"EmployeeHired\",\"eventId\":\"" + ids[0] + "\"," + common
                        + "," + position + "}", ids[0],
                        "eventId,employeeId,effectiveDate," + positionColumns + "\n" + ids[1] + ",H-100,2024-02-01,"
                                + positionCells + "\n", ids[1], EventTopic.EMPLOYMENT, key),
                new Sample("EmployeeTransferred", "{\"type\":\"EmployeeTransferred\",\"eventId\":\"" + ids[2] + "\","
                        + common + "," + position + "}", ids[2],
                        "eventId,employeeId,effectiveDate," + positionColumns + "\n" + ids[3] + ",H-100,2024-03-01,"
                                + positionCells + "\n", ids[3], EventTopic.EMPLOYMENT, key),
                new Sample("EmployeeSeparated", "{\"type\":\"EmployeeSeparated\",\"eventId\":\"" + ids[4] + "\","
                        + common + ",\"reason\":\"RETIREMENT\"}", ids[4],
                        "eventId,employeeId,effectiveDate,reason\n" + ids[5] + ",H-100,2024-04-01,RESIGNATION\n", ids[5],
                        EventTopic.EMPLOYMENT, key),
                new Sample("SelfIdentificationSubmitted", "{\"type\":\"SelfIdentificationSubmitted\",\"eventId\":\""
                        + ids[6] + "\"," + common + ",\"status\":\"RESPONDED\",\"indigenousIdentities\":[\"INUIT\"]}",
                        ids[6], "eventId,employeeId,effectiveDate,status,indigenousIdentities,raceCategories\n" + ids[7]
                        + ",H-100,2024-02-01,PREFER_NOT_TO_ANSWER,,\n", ids[7], EventTopic.SELF_IDENTIFICATION, key),
                new Sample("SelfIdentificationWithdrawn", "{\"type\":\"SelfIdentificationWithdrawn\",\"eventId\":\""
                        + ids[8] + "\"," + common + "}", ids[8],
                        "eventId,employeeId,effectiveDate\n" + ids[9] + ",H-100,2024-05-01\n", ids[9],
                        EventTopic.SELF_IDENTIFICATION, key));

        ServiceContract.assertEveryTypeReachesItsTopic(http, platform(), pseudonymizer, samples);
    }
}
