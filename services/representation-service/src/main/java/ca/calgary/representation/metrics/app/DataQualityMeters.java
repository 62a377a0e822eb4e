package ca.calgary.representation.metrics.app;

import java.util.Optional;

import ca.calgary.representation.metrics.DataQuality;
import ca.calgary.representation.metrics.DeadLetterReason;
import ca.calgary.representation.streams.StreamsLifecycle;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The published data-quality counts as Prometheus meters: {@code representation_dead_letters_total{reason}} (input
 * events not applied, each on {@code metrics.dead-letters}) and {@code representation_unexplained_events}. They read
 * the published figures, so every instance reports the pipeline's exact counts, not what its own tasks saw.
 */
final class DataQualityMeters implements MeterBinder {

    private final StreamsLifecycle<RepresentationStreams> streams;

    DataQualityMeters(StreamsLifecycle<RepresentationStreams> streams) {
        this.streams = streams;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            FunctionCounter.builder("representation.dead.letters", this,
                            meters -> meters.latest().map(q -> q.getDeadLetters().getOrDefault(reason.name(), 0L))
                                    .orElse(0L))
                    .tag("reason", reason.name())
                    .description("Input events not applied, by reason (see metrics.dead-letters)")
                    .register(registry);
        }
        Gauge.builder("representation.unexplained.events", this,
                        meters -> meters.latest().map(DataQuality::getUnexplainedEvents).orElse(0L))
                .description("Events of employees not active at their effective date (SPEC §4)")
                .register(registry);
    }

    private Optional<DataQuality> latest() {
        try {
            return streams.streams().flatMap(RepresentationStreams::dataQuality);
        } catch (RuntimeException notQueryableYet) {
            return Optional.empty();
        }
    }
}
