package ca.calgary.representation.metrics.topology;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import ca.calgary.representation.metrics.CompetitionFigures;
import ca.calgary.representation.metrics.core.CompetitionCalculator;
import ca.calgary.representation.metrics.core.CompetitionOpening;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.Releases;
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
 *
 * <p>The release rule (SPEC §9, {@link Releases}) is kept per competition: a competition's funnel is published from
 * its last release until at least the release threshold of its candidates have changed since, and roll-ups add up
 * the competitions' releases, so a roll-up changes only with a competition released by that many people. A
 * competition first seen after the first computation is released once that many of its candidates are in it (not at
 * once, as a new cell of the live figures is: it would move its roll-ups by its first few candidates).
 */
final class CompetitionAggregator
        implements Processor<String, CompetitionAggregator.Input, String, CompetitionFigures> {

    /** What this aggregation reads, keyed by competition id. */
    sealed interface Input {
    }

    /** The change of a competition's candidate counts, and who changed in it. */
    record Candidates(FlowCountChange.CompetitionChange change) implements Input {
    }

    /** A competition opened (the latest recorded opening wins). */
    record Opening(CompetitionOpening opening) implements Input {
    }

    static final String COUNTS_STORE = "competition-counts";
    static final String OPENINGS_STORE = "competition-openings";
    static final String PUBLISHED_STORE = "published-competition-figures";
    /** The tables read but not published yet ({@link Settling}); queryable, not logged. */
    static final String UNPUBLISHED_STORE = "competitions-unpublished";
    /** Each competition's last release and who changed in it since ({@link Releases}). */
    static final String RELEASES_STORE = "competition-releases";
    /** The releases store's mark that the first computation was published complete (no competition id holds a NUL). */
    static final String FIRST_COMPUTATION_DONE = "\u0000first-computation-done";
    /** The one table this aggregation publishes, for {@link Settling}. */
    private static final String FUNNELS = "funnels";
    private final Supplier<LocalDate> today;
    private final CompetitionCalculator calculator;
    private final int releaseThreshold;
    private final Duration publishInterval;
    private final Settling settling;
    private ProcessorContext<String, CompetitionFigures> context;
    private KeyValueStore<String, CompetitionCalculator.Counts> counts;
    private KeyValueStore<String, CompetitionOpening> openings;
    private KeyValueStore<String, Releases.Release<CompetitionCalculator.Counts>> releases;
    /**
     * Whether the funnels were released once their backlog was read: until then they are a first computation (kept in
     * the releases store under {@link #FIRST_COMPUTATION_DONE}, so a restart in the middle of a first load knows).
     */
    private boolean anyReleased;
    private RevisedPublication<CompetitionFigures> publication;
    /**
     * The rest of a publication being sent in slices (after a first load it restates tens of thousands of funnels);
     * a crash loses it, and the restart publishes afresh.
     */
    private final Deque<RevisedPublication.Send<CompetitionFigures>> unsent = new ArrayDeque<>();
    /** Also set on start and when a quarter begins (roll-ups reach the new quarter); unchanged figures stay unsent. */
    private boolean changed = true;
    private LocalDate lastPublished;

    CompetitionAggregator(Supplier<LocalDate> today, CompetitionCalculator calculator, int releaseThreshold,
                          Duration publishInterval, Backlog backlog) {
        this.today = today;
        this.calculator = calculator;
        this.releaseThreshold = releaseThreshold;
        this.publishInterval = publishInterval;
        this.settling = new Settling(backlog);
    }

    static ProcessorSupplier<String, Input, String, CompetitionFigures> supplier(
            Supplier<LocalDate> today, CompetitionCalculator calculator, int releaseThreshold,
            Duration publishInterval, Backlog backlog) {
        return StoreOwningSupplier.of(
                () -> new CompetitionAggregator(today, calculator, releaseThreshold, publishInterval, backlog),
                RepresentationTopology.loggedStore(COUNTS_STORE, InternalSerdes.competitionCounts(), Map.of()),
                RepresentationTopology.loggedStore(OPENINGS_STORE, InternalSerdes.competitionOpening(),
                        Map.of()),
                RepresentationTopology.loggedStore(RELEASES_STORE, InternalSerdes.competitionRelease(), Map.of()),
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
        this.releases = context.getStateStore(RELEASES_STORE);
        this.anyReleased = releases.get(FIRST_COMPUTATION_DONE) != null;
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
            // in a first computation everyone is released: who changed need not be noted
            if (anyReleased) {
                Releases.Release<CompetitionCalculator.Counts> noted = Releases.noted(releases.get(competition),
                        candidates.change().contributors(), releaseThreshold);
                if (noted != null) {
                    releases.put(competition, noted);
                }
            }
            CompetitionCalculator.Counts stored = counts.get(competition);
            CompetitionCalculator.Counts updated = stored == null ? new CompetitionCalculator.Counts() : stored;
            updated.addAll(candidates.change().counts());
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
        // until anything is released the funnels are one first computation (SPEC §9), published whole once read
        if (anyReleased) {
            settling.changed(FUNNELS, context.currentSystemTimeMs(), eventTimeMs);
        } else {
            settling.changedInFirstComputation(FUNNELS, context.currentSystemTimeMs(), eventTimeMs);
        }
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
        boolean complete = settling.read(FUNNELS);
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
        Map<String, Releases.Release<CompetitionCalculator.Counts>> released = release(candidates, asOf, complete);
        Map<String, CompetitionCalculator.Counts> releasedCounts = new HashMap<>();
        released.forEach((competition, release) -> releasedCounts.put(competition, release.counts()));
        // a roll-up is as of the latest release of the competitions in it
        Map<String, LocalDate> rollupsReleasedOn = new HashMap<>();
        released.forEach((competition, release) -> {
            CompetitionOpening opening = known.get(competition);
            if (opening != null) {
                calculator.rollupIds(opening, asOf).forEach(rollup ->
                        rollupsReleasedOn.merge(rollup, release.on(), (a, b) -> a.isAfter(b) ? a : b));
            }
        });
        Map<String, RevisedPublication.Candidate<CompetitionFigures>> records = new HashMap<>();
        for (var figures : calculator.figures(releasedCounts, known, asOf)) {
            LocalDate releasedOn = figures.competitionId() != null ? released.get(figures.competitionId()).on()
                    : rollupsReleasedOn.get(figures.period().id() + "|" + figures.scope().id() + "|"
                            + figures.tier().name());
            records.put(figures.id(), new RevisedPublication.Candidate<>(Arrays.asList(figures, releasedOn),
                    revision -> FlowRecords.toAvro(figures, releasedOn, revision)));
        }
        unsent.addAll(publication.changes("", records));
        sendSlice();
    }

    /**
     * Each competition with candidates, as released: its current counts where it is released now (in a first
     * computation, or once the threshold of its candidates have changed since its last release or, never released,
     * since it began), its last release otherwise; a competition never released is left out. Releases of competitions
     * without candidates are forgotten. A first computation ends with a publication made once its backlog was read
     * ({@code complete}); one made before (the load paused, or waited long) releases everyone again next time.
     */
    private Map<String, Releases.Release<CompetitionCalculator.Counts>> release(
            Map<String, CompetitionCalculator.Counts> candidates, LocalDate asOf, boolean complete) {
        Map<String, Releases.Release<CompetitionCalculator.Counts>> known = new HashMap<>();
        try (KeyValueIterator<String, Releases.Release<CompetitionCalculator.Counts>> all = releases.all()) {
            all.forEachRemaining(entry -> known.put(entry.key, entry.value));
        }
        known.remove(FIRST_COMPUTATION_DONE);
        boolean firstComputation = !anyReleased;
        Map<String, Releases.Release<CompetitionCalculator.Counts>> released = new HashMap<>();
        candidates.forEach((competition, current) -> {
            Releases.Release<CompetitionCalculator.Counts> release = known.get(competition);
            boolean due = firstComputation || release != null && release.changedSince().size() >= releaseThreshold;
            if (due) {
                release = new Releases.Release<>(current, asOf, Set.of());
                releases.put(competition, release);
            }
            if (release != null && release.counts() != null) {
                released.put(competition, release);
            }
        });
        known.keySet().stream().filter(competition -> !candidates.containsKey(competition))
                .forEach(releases::delete);
        if (firstComputation && !released.isEmpty()) {
            if (complete) {
                anyReleased = true;
                releases.put(FIRST_COMPUTATION_DONE, new Releases.Release<>(null, asOf, Set.of()));
            } else {
                // published again once read, complete (nothing changed is sent): until then everyone is released
                changed = true;
                settling.restoredInFirstComputation(FUNNELS, context.currentSystemTimeMs());
            }
        }
        return released;
    }

    private void sendSlice() {
        for (int sent = 0; sent < RevisedPublication.SLICE_RECORDS && !unsent.isEmpty(); sent++) {
            publication.send(unsent.poll());
        }
    }
}
