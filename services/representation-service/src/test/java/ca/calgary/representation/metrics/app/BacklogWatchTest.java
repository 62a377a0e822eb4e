package ca.calgary.representation.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import ca.calgary.representation.streams.ConsumerGroup;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.junit.jupiter.api.Test;

class BacklogWatchTest {

    private static final TopicPartition INPUT = new TopicPartition("hr.employment-events", 0);
    private static final TopicPartition REPARTITION = new TopicPartition("app-employee-events-repartition", 0);
    private static final Set<TopicPartition> BOTH = Set.of(INPUT, REPARTITION);

    @Test
    void everyPartitionMustBeCommittedToItsEnd() {
        assertThat(BacklogWatch.readToEnd(BOTH, Map.of(INPUT, 10L, REPARTITION, 7L),
                Map.of(INPUT, 10L, REPARTITION, 7L), Map.of())).isTrue();
        assertThat(BacklogWatch.readToEnd(BOTH, Map.of(INPUT, 10L, REPARTITION, 6L),
                Map.of(INPUT, 10L, REPARTITION, 7L), Map.of())).as("a repartition record not read yet").isFalse();
        assertThat(BacklogWatch.readToEnd(BOTH, Map.of(INPUT, 10L),
                Map.of(INPUT, 10L, REPARTITION, 7L), Map.of(REPARTITION, 0L)))
                .as("a partition never committed, with records").isFalse();
        assertThat(BacklogWatch.readToEnd(BOTH, Map.of(INPUT, 10L),
                Map.of(INPUT, 10L, REPARTITION, 7L), Map.of(REPARTITION, 7L)))
                .as("a partition never committed whose records are all gone").isTrue();
        assertThat(BacklogWatch.readToEnd(BOTH, Map.of(INPUT, 10L, REPARTITION, 7L), Map.of(INPUT, 10L), Map.of()))
                .as("an end not known").isFalse();
        assertThat(BacklogWatch.readToEnd(Set.of(), Map.of(), Map.of(), Map.of())).as("nothing to watch yet")
                .isFalse();
    }

    @Test
    void theWatchedTopicsAreTheInputsAndTheApplicationsOwnRepartitionTopics() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("hr.employment-events")
                .repartition(Repartitioned.<String, String>as("employee-events").withNumberOfPartitions(2))
                .to("metrics.representation");
        ConsumerGroup group = ConsumerGroup.of("app", builder.build());
        assertThat(group.inputTopics()).containsExactly("hr.employment-events");
        assertThat(group.sourceTopics()).containsExactlyInAnyOrder("hr.employment-events",
                "app-employee-events-repartition");
    }
}
