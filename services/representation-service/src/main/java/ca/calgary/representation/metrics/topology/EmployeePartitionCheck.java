package ca.calgary.representation.metrics.topology;

import java.nio.charset.StandardCharsets;

import ca.calgary.representation.metrics.core.EmployeeEvent;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Tells whether an employee event was read from the partition its employee's events are processed from: partition
 * {@code p} of the {@code employee-events} topic, where Kafka's default partitioner puts the employee's key, is read
 * by the same task as partition {@code p} of every input topic. An HR system that publishes with Kafka's default
 * partitioner (the ingest services, Java clients) puts every event there already, and such an event is processed
 * where it was read: it does not cross the broker twice more. An event from any other partitioner (librdkafka's
 * default, say) goes through {@code employee-events} to its employee's partition. Either way every event of an
 * employee reaches one task, and the history does not depend on arrival order (SPEC §4), so the two paths need no
 * ordering between them.
 */
final class EmployeePartitionCheck implements FixedKeyProcessor<String, EmployeeEvent, EmployeePartitionCheck.Routed> {

    /** An employee event, and whether it was read on its employee's partition. */
    record Routed(EmployeeEvent event, boolean onEmployeePartition) {
    }

    private final int employeePartitions;
    private FixedKeyProcessorContext<String, Routed> context;

    /** @param employeePartitions the partitions of {@code employee-events} (the tasks that keep employees' state) */
    EmployeePartitionCheck(int employeePartitions) {
        this.employeePartitions = employeePartitions;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, EmployeeEvent> record) {
        boolean onEmployeePartition = record.key() != null && context.recordMetadata()
                .map(source -> source.partition() == partitionOf(record.key(), employeePartitions)).orElse(false);
        context.forward(record.withValue(new Routed(record.value(), onEmployeePartition)));
    }

    /** Where Kafka's default partitioner puts a record with this key (murmur2 of its UTF-8 bytes). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
