package ca.calgary.representation.metrics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ca.calgary.representation.metrics.RepresentationFigures;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.streams.StreamsLifecycle;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;

/** The published figures of one cell, as the API returns them; null fields are withheld or not applicable. */
public record CellView(String scope, String tier, String group, LocalDate asOf, long headcount, Long count,
                       boolean suppressed, Double representation, Double representationOfRespondents,
                       Double responseRate, Double benchmark, String benchmarkSource, Integer benchmarkYear,
                       Double gapPoints, Double representationIndex, Double expected, Long shortfall, Double pUnder,
                       Double ci95Low, Double ci95High, Long activeMentees) {

    static CellView of(RepresentationFigures f) {
        return new CellView(f.getScope(), f.getTier(), f.getGroup(), f.getAsOf(), f.getHeadcount(), f.getCount(),
                f.getSuppressed(), f.getRepresentation(), f.getRepresentationOfRespondents(), f.getResponseRate(),
                f.getBenchmark(), f.getBenchmarkSource(), f.getBenchmarkYear(), f.getGapPoints(),
                f.getRepresentationIndex(), f.getExpected(), f.getShortfall(), f.getPUnder(), f.getCi95Low(),
                f.getCi95High(), f.getActiveMentees());
    }

    /** The published cells that match the filter, from this instance's copy of the metrics topic. */
    static List<CellView> matching(StreamsLifecycle<RepresentationStreams> streams, CellFilter filter) {
        RepresentationStreams running = streams.streams().orElseThrow(() -> new MetricsUnavailableException(
                "the representation topology is not running yet"));
        List<CellView> cells = new ArrayList<>();
        // keys are scope|tier|group: a reader asking for a scope reads only its keys, not the whole table
        String keyPrefix = filter.scope() != null ? filter.scope() + "|" : filter.scopePrefix();
        try (KeyValueIterator<String, RepresentationFigures> all = keyPrefix == null ? running.figures().all()
                : running.figures().prefixScan(keyPrefix, new StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && filter.matches(entry.value.getScope(), entry.value.getTier(),
                        entry.value.getGroup())) {
                    cells.add(of(entry.value));
                }
            });
        }
        return cells;
    }
}
