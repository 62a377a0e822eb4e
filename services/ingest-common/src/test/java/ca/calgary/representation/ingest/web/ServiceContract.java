package ca.calgary.representation.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import ca.calgary.representation.events.contract.EventTopic;
import ca.calgary.representation.ingest.core.Pseudonymizer;
import ca.calgary.representation.platform.LocalPlatform;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;

/** What every ingest service must do with each of its event types, for the services' own integration tests. */
public final class ServiceContract {

    /**
     * One event type's sample: the event as canonical JSON, the same type as a CSV file, and where both must land.
     *
     * @param expectedKey the record key the event must have in Kafka
     */
    public record Sample(String type, String json, String jsonEventId, String csv, String csvEventId,
                         EventTopic topic, String expectedKey) {
    }

    private ServiceContract() {
    }

    public static void awaitReady(Http http) {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> http.get("/actuator/health/readiness", null).status() == 200);
    }

    /**
     * Publishes every sample's JSON in one batch and each CSV file, then finds each event once, with its key and its
     * pseudonymised eventId; no record carries a sample's eventId in clear.
     */
    public static void assertEveryTypeReachesItsTopic(Http http, LocalPlatform platform, Pseudonymizer pseudonymizer,
                                                      List<Sample> samples) {
        String batch = samples.stream().map(Sample::json).collect(Collectors.joining(",", "[", "]"));
        Http.Response response = http.post("/v1/events/batch", "application/json", batch, Http.PUBLISHER);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("accepted").asInt()).isEqualTo(samples.size());

        for (Sample sample : samples) {
            Http.Response csv = http.post("/v1/events/" + sample.type() + "/csv", "text/csv", sample.csv(),
                    Http.PUBLISHER);
            assertThat(csv.status()).as(sample.type() + ": " + csv.body()).isEqualTo(202);
        }

        for (Sample sample : samples) {
            List<ConsumerRecord<String, Object>> records = TopicReader.records(platform, sample.topic().topicName());
            for (String eventId : List.of(sample.jsonEventId(), sample.csvEventId())) {
                String eventKey = pseudonymizer.eventKey(eventId);
                assertThat(records).as(sample.type() + " " + eventId)
                        .noneMatch(record -> record.value().toString().contains(eventId));
                assertThat(records).as(sample.type() + " " + eventId)
                        .filteredOn(record -> eventKey.equals(((GenericRecord) record.value()).get("eventId")))
                        .singleElement()
                        .satisfies(record -> {
                            assertThat(record.key()).isEqualTo(sample.expectedKey());
                            Object payload = ((GenericRecord) record.value()).get("payload");
                            assertThat(payload.getClass().getSimpleName()).isEqualTo(sample.type());
                        });
            }
        }
    }
}
