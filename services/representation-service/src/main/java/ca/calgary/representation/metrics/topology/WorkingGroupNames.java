package ca.calgary.representation.metrics.topology;

import java.util.Map;
import java.util.Objects;

import ca.calgary.representation.metrics.WorkingGroup;
import ca.calgary.representation.metrics.core.WorkingGroupNaming;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The name of each working group (key: workingGroupId): the appointment latest in fold order names it, and a name
 * is published to {@code metrics.working-groups} only when it changes, so a replayed history writes each group once
 * or a few times, not once per appointment.
 */
final class WorkingGroupNames implements Processor<String, WorkingGroupNaming, String, WorkingGroup> {

    static final String STORE = "working-group-names";

    private ProcessorContext<String, WorkingGroup> context;
    private KeyValueStore<String, WorkingGroupNaming> names;

    static ProcessorSupplier<String, WorkingGroupNaming, String, WorkingGroup> supplier() {
        return StoreOwningSupplier.of(WorkingGroupNames::new,
                RepresentationTopology.loggedStore(STORE, InternalSerdes.workingGroupNaming(), Map.of()));
    }

    @Override
    public void init(ProcessorContext<String, WorkingGroup> context) {
        this.context = context;
        this.names = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, WorkingGroupNaming> record) {
        WorkingGroupNaming naming = record.value();
        WorkingGroupNaming current = names.get(record.key());
        if (naming == null || !naming.supersedes(current)) {
            return;
        }
        names.put(record.key(), naming);
        if (current == null || !Objects.equals(current.workingGroupName(), naming.workingGroupName())) {
            context.forward(record.withValue(new WorkingGroup(naming.workingGroupId(), naming.workingGroupName())));
        }
    }
}
