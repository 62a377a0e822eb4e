package ca.calgary.representation.events.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaEvolutionGateTest {

    private static final String SUBJECT = "hr.sample-events-value";

    @TempDir
    Path released;

    private static Schema v1() {
        return SchemaBuilder.record("Sample").namespace("test").fields()
                .requiredString("eventId")
                .requiredString("employeeKey")
                .endRecord();
    }

    @Test
    void theRepositorysSchemasAreBackwardCompatibleWithTheirReleasedVersions() {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(Path.of("released"));

        assertThat(gate.check(SchemaEvolutionGate.currentSchemas())).isEmpty();
        for (EventTopic topic : EventTopic.values()) {
            assertThat(gate.latestReleased(topic.valueSubject())).as(topic.valueSubject()).isPresent();
        }
    }

    @Test
    void releaseWritesTheFirstVersionAndNothingWhenUnchanged() {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(released);

        assertThat(gate.release(Map.of(SUBJECT, v1()))).containsExactly(released.resolve(SUBJECT).resolve("v1.avsc"));
        assertThat(gate.release(Map.of(SUBJECT, v1()))).isEmpty();
        assertThat(gate.check(Map.of(SUBJECT, v1()))).isEmpty();
    }

    @Test
    void aFieldAddedWithADefaultIsCompatibleAndReleasedAsTheNextVersion() {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(released);
        gate.release(Map.of(SUBJECT, v1()));
        Schema v2 = SchemaBuilder.record("Sample").namespace("test").fields()
                .requiredString("eventId")
                .requiredString("employeeKey")
                .name("note").type().stringType().stringDefault("")
                .endRecord();

        assertThat(gate.check(Map.of(SUBJECT, v2))).isEmpty();
        assertThat(gate.release(Map.of(SUBJECT, v2))).containsExactly(released.resolve(SUBJECT).resolve("v2.avsc"));
        assertThat(gate.latestReleased(SUBJECT)).get().extracting(SchemaEvolutionGate.Released::schema).isEqualTo(v2);
    }

    @Test
    void aFieldAddedWithoutADefaultFailsTheGateNamingSubjectAndField() {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(released);
        gate.release(Map.of(SUBJECT, v1()));
        Schema incompatible = SchemaBuilder.record("Sample").namespace("test").fields()
                .requiredString("eventId")
                .requiredString("employeeKey")
                .requiredInt("mandatory")
                .endRecord();

        List<String> problems = gate.check(Map.of(SUBJECT, incompatible));

        assertThat(problems).singleElement().asString()
                .contains(SUBJECT).contains("v1.avsc").contains("READER_FIELD_MISSING_DEFAULT").contains("mandatory");
    }

    @Test
    void aChangedFieldTypeFailsTheGate() {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(released);
        gate.release(Map.of(SUBJECT, v1()));
        Schema incompatible = SchemaBuilder.record("Sample").namespace("test").fields()
                .requiredString("eventId")
                .requiredLong("employeeKey")
                .endRecord();

        assertThat(gate.check(Map.of(SUBJECT, incompatible))).singleElement().asString().contains("TYPE_MISMATCH");
    }

    @Test
    void theGateComparesWithTheLatestReleasedVersion() throws Exception {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(released);
        gate.release(Map.of(SUBJECT, v1()));
        Schema v2 = SchemaBuilder.record("Sample").namespace("test").fields()
                .requiredString("eventId")
                .endRecord();
        Files.writeString(released.resolve(SUBJECT).resolve("v2.avsc"), v2.toString(true));
        Files.writeString(released.resolve(SUBJECT).resolve("v10.avsc"), v1().toString(true));

        assertThat(gate.latestReleased(SUBJECT)).get().extracting(SchemaEvolutionGate.Released::version).isEqualTo(10);
    }

    @Test
    void aReleasedSubjectWithoutATopicFailsTheGate() {
        SchemaEvolutionGate gate = new SchemaEvolutionGate(released);
        gate.release(Map.of(SUBJECT, v1()));

        assertThat(gate.check(Map.of())).singleElement().asString().contains(SUBJECT).contains("no topic");
    }
}
