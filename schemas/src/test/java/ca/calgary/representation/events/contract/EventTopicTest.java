package ca.calgary.representation.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventTopicTest {

    @Test
    void subjectsFollowTheTopicNameStrategy() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(topic.valueSubject()).isEqualTo(topic.topicName() + "-value");
        }
    }

    @Test
    void topicNamesAreUnique() {
        assertThat(Arrays.stream(EventTopic.values()).map(EventTopic::topicName)).doesNotHaveDuplicates();
    }

    @Test
    void everyValueSchemaCarriesTheCommonEventFields() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(topic.valueSchema().getFields()).extracting(field -> field.name())
                    .as(topic.topicName())
                    .containsExactly("eventId", "employeeKey", "effectiveDate", "recordedAt", "source", "payload",
                            "type");
        }
    }

    @Test
    void noSchemaHasAFieldForTheHrEmployeeId() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(topic.valueSchema().toString()).as(topic.topicName()).doesNotContain("\"employeeId\"");
        }
    }

    @Test
    void selfIdentificationTravelsApartFromEmploymentEvents() {
        assertThat(EventTopic.SELF_IDENTIFICATION.topicName()).isNotEqualTo(EventTopic.EMPLOYMENT.topicName());
        assertThat(EventTopic.EMPLOYMENT.valueSchema().toString()).doesNotContain("raceCategories");
    }

    @Test
    void theTopicCatalogDocumentsEveryTopicKeySubjectAndSchema() throws Exception {
        String catalog = Files.readString(Path.of("README.md"));
        for (EventTopic topic : EventTopic.values()) {
            assertThat(catalog).as(topic.topicName())
                    .contains("`" + topic.topicName() + "`")
                    .contains("`" + topic.valueSubject() + "`")
                    .contains(topic.valueSchema().getName());
            topic.valueSchema().getField("payload").schema().getTypes()
                    .forEach(type -> assertThat(catalog).contains(type.getName()));
        }
        List<TopicContract> ours = new ArrayList<>(List.of(MetricsTopic.values()));
        ours.addAll(List.of(AlertTopic.values()));
        for (TopicContract topic : ours) {
            assertThat(catalog).as(topic.topicName())
                    .contains("`" + topic.topicName() + "`")
                    .contains("`" + topic.valueSubject() + "`")
                    .contains(topic.valueSchema().getFullName());
        }
    }
}
