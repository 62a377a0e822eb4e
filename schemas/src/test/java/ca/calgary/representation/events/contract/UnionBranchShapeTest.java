package ca.calgary.representation.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Writers that pick a union branch by shape must pick the right one: python-avro takes the first branch whose field
 * names include every key of the datum (and then writes the last branch that validates), fastavro the branch that
 * shares the most field names. So no payload branch's field names may include another's, and each branch carries a
 * tag field of its own name. The released v1 schemas did not (EmployeeHired and EmployeeTransferred were both
 * {position}), which is why a python publisher's hires arrived as transfers.
 */
class UnionBranchShapeTest {

    @Test
    void noPayloadBranchHasTheFieldNamesOfAnother() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(ambiguousPairs(topic.valueSchema())).as(topic.topicName()).isEmpty();
        }
    }

    @Test
    void everyBranchIsTaggedWithAFieldOfItsOwnNameWhoseOnlyValueIsItsType() {
        for (EventTopic topic : EventTopic.values()) {
            for (Schema branch : topic.valueSchema().getField("payload").schema().getTypes()) {
                String tag = Character.toLowerCase(branch.getName().charAt(0)) + branch.getName().substring(1);
                Schema.Field field = branch.getField(tag);
                assertThat(field).as(branch.getName()).isNotNull();
                assertThat(field.schema().getEnumSymbols()).containsExactly(branch.getName());
                assertThat(field.defaultVal()).isEqualTo(branch.getName());
            }
        }
    }

    @Test
    void theReleasedV1SchemasWereAmbiguousAsReported() throws Exception {
        Schema v1 = new Schema.Parser().parse(Files.readString(
                Path.of("released/hr.employment-events-value/v1.avsc")));
        assertThat(ambiguousPairs(v1)).contains("EmployeeHired ~ EmployeeTransferred");
    }

    /** Pairs of payload branches one of whose field names include the other's. */
    static List<String> ambiguousPairs(Schema envelope) {
        List<Schema> branches = envelope.getField("payload").schema().getTypes();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            for (int j = i + 1; j < branches.size(); j++) {
                Set<String> a = names(branches.get(i));
                Set<String> b = names(branches.get(j));
                if (a.containsAll(b) || b.containsAll(a)) {
                    pairs.add(branches.get(i).getName() + " ~ " + branches.get(j).getName());
                }
            }
        }
        return pairs;
    }

    private static Set<String> names(Schema record) {
        return record.getFields().stream().map(Schema.Field::name).collect(Collectors.toSet());
    }
}
