package ca.calgary.representation.metrics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * An event skips the {@code employee-events} topic only where Kafka's own producer would have put its employee's
 * key: the check must agree with the producer's default partitioner for every key and partition count.
 */
class EmployeePartitionCheckTest {

    @Test
    void theEmployeesPartitionIsWhereKafkasDefaultPartitionerPutsTheirKey() {
        for (int partitions : new int[] {1, 2, 6, 12, 100}) {
            for (int i = 0; i < 2_000; i++) {
                String key = "employee-" + i + (i % 7 == 0 ? "-é" : "");
                assertThat(EmployeePartitionCheck.partitionOf(key, partitions)).as("%s of %d", key, partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8),
                                partitions));
            }
        }
    }
}
