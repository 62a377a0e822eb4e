package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.Quarter;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Promotion-competition funnels (SPEC §7): each competition's candidates per stage and group, kept from the coalesced
 * changes of {@link EmployeeFlowsProcessor}, with the competitions' openings, published per competition and rolled up
 * per (period, scope, tier). Roll-ups and their suppression need every competition, so this is one task; what reaches
 * it is one change per competition and pass, not one per candidate.
 */
final class CompetitionAggregator
        implements Processor<String, CompetitionAggregator.Input, String, CompetitionFigures> {

    /** What this aggregation reads, keyed by competition id. */
    sealed interface Input {
    }

    /** The change of a competition's candidate counts. */
    record Candidates(CompetitionCalculator.Counts change) implements Input {
    }

    /** A competition opened (the latest recorded opening wins). */
    record Opening(CompetitionOpening opening) implements Input {
    }

    static final String COUNTS_STORE = "competition-counts";
    static final String OPENINGS_STORE = "competition-openings";
    static final String PUBLISHED_STORE = "published-competition-figures";
    /** The tables read but not published yet ({@link Settling}); queryable, not logged. */
    static final String UNPUBLISHED_STORE = "competitions-unpublished";
    /** The one table this aggregation publishes, for {@link Settling}. */
    private static final String FUNNELS = "funnels";
    private final Supplier<LocalDate> today;
    private final CompetitionCalculator calculator;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, CompetitionFigures> context;
    private KeyValueStore<String, CompetitionCalculator.Counts> counts;
    private KeyValueStore<String, CompetitionOpening> openings;
    private RevisedPublication<CompetitionFigures> publication;
    /**
     * The rest of a publication being sent in slices (after a first load it restates tens of thousands of funnels);
     * a crash loses it, and the restart publishes afresh.
     */
    private final Deque<RevisedPublication.Send<CompetitionFigures>> unsent = new ArrayDeque<>();
    /** Also set on start and when a quarter begins (roll-ups reach the new quarter); unchanged figures stay unsent. */
    private boolean changed = true;
    private LocalDate lastPublished;

    CompetitionAggregator(Supplier<LocalDate> today, CompetitionCalculator calculator, Duration publishInterval,
                          Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, Input, String, CompetitionFigures> supplier(
            Supplier<LocalDate> today, CompetitionCalculator calculator, Duration publishInterval,
            Backlog backlog) {
        return StoreOwningSupplier.of(
                () -> new CompetitionAggregator(today, calculator, publishInterval, backlog),
                RepresentationTopology.loggedStore(COUNTS_STORE, InternalSerdes.competitionCounts(), Map.of()),
                RepresentationTopology.loggedStore(OPENINGS_STORE, InternalSerdes.competitionOpening(),
                        Map.of()),
                RevisedPublication.publishedStore(PUBLISHED_STORE),
                Settling.waitingStore(UNPUBLISHED_STORE));
    }

    @Override
    public void init(ProcessorContext<String, CompetitionFigures> context) {
        this.context = context;
        settling.init(context.getStateStore(UNPUBLISHED_STORE));
        settling.restored(FUNNELS, context.currentSystemTimeMs()); // every start publishes what changed meanwhile
        unsent.clear();
        this.counts = context.getStateStore(COUNTS_STORE);
        this.openings = context.getStateStore(OPENINGS_STORE);
        this.publication = new RevisedPublication<>(context.getStateStore(PUBLISHED_STORE), (key, figures) ->
                context.forward(new Record<>(key, figures, context.currentSystemTimeMs())));
        context.schedule(publishInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishChanges());
        // the next slice of a publication, or the funnels once their backlog has been read: not at the next interval
        context.schedule(RevisedPublication.SLICE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (unsent.isEmpty() && settling.backlogReadSinceWaiting(now)) {
                publishChanges();
            } else {
                sendSlice();
            }
        });
    }

    @Override
    public void process(Record<String, Input> record) {
        String competition = record.key();
        if (competition == null) {
            return;
        }
        if (record.value() instanceof Candidates candidates) {
            CompetitionCalculator.Counts stored = counts.get(competition);
            CompetitionCalculator.Counts updated = stored == null ? new CompetitionCalculator.Counts() : stored;
            updated.addAll(candidates.change());
            if (updated.isZero()) {
                counts.delete(competition);
            } else {
                counts.put(competition, updated);
            }
            changed(record.timestamp());
        } else if (record.value() instanceof Opening opening
                && opening.opening().supersedes(openings.get(competition))) {
            openings.put(competition, opening.opening());
            changed(record.timestamp());
        }
    }

    private void changed(long eventTimeMs) {
        changed = true;
        settling.changed(FUNNELS, context.currentSystemTimeMs(), eventTimeMs);
    }

    private void publishChanges() {
        LocalDate asOf = today.get();
        if (lastPublished == null || !Quarter.of(asOf)
                .equals(Quarter.of(lastPublished))) {
            changed = true;
        }
        if (!unsent.isEmpty() || !changed || !settling.due(FUNNELS, context.currentSystemTimeMs())) {
            return;
        }
        changed = false;
        settling.published(FUNNELS);
        lastPublished = asOf;
        Map<String, CompetitionCalculator.Counts> candidates = new HashMap<>();
        try (KeyValueIterator<String, CompetitionCalculator.Counts> all = counts.all()) {
            all.forEachRemaining(entry -> candidates.put(entry.key, entry.value));
        }
        candidates.values().removeIf(CompetitionCalculator.Counts::isEmpty);
        Map<String, CompetitionOpening> known = new HashMap<>();
        try (KeyValueIterator<String, CompetitionOpening> all = openings.all()) {
            all.forEachRemaining(entry -> known.put(entry.key, entry.value));
        }
        Map<String, RevisedPublication.Candidate<CompetitionFigures>> records = new HashMap<>();
        for (var figures : calculator.figures(candidates, known, asOf)) {
            records.put(figures.id(), new RevisedPublication.Candidate<>(figures,
                    revision -> FlowRecords.toAvro(figures, revision)));
        }
        unsent.addAll(publication.changes("", records));
        sendSlice();
    }

    private void sendSlice() {
        for (int sent = 0; sent < RevisedPublication.SLICE_RECORDS && !unsent.isEmpty(); sent++) {
            publication.send(unsent.poll());
        }
    }
}
