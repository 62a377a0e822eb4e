package ca.calgary.representation.metrics.topology;

import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** A processor supplier that declares the stores its processors use, so the topology connects them itself. */
final class StoreOwningSupplier {

    private StoreOwningSupplier() {
    }

    /** @param processor a new processor on every call (one per task) */
    static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> of(
            Supplier<Processor<KIn, VIn, KOut, VOut>> processor, StoreBuilder<?>... stores) {
        Set<StoreBuilder<?>> owned = Set.of(stores);
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return processor.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return owned;
            }
        };
    }
}
