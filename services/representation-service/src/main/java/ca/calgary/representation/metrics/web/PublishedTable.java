package ca.calgary.representation.metrics.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.metrics.app.RepresentationStreams;
import ca.calgary.representation.streams.StreamsLifecycle;
import ca.calgary.representation.streams.TopicFeed;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One published metrics topic as the HTTP API serves it: the instance's global copy read in key order (so a series
 * keyed by period comes out in time order), filtered; as JSON, as CSV, or as a live stream of changes.
 */
final class PublishedTable<V extends SpecificRecordBase> {

    private final StreamsLifecycle<RepresentationStreams> streams;
    private final Function<RepresentationStreams, ReadOnlyKeyValueStore<String, V>> view;
    private final TopicFeed<V> feed;
    private final String eventName;
    private final org.apache.avro.Schema schema;

    PublishedTable(StreamsLifecycle<RepresentationStreams> streams, Function<RepresentationStreams, ReadOnlyKeyValueStore<String, V>> view,
                   TopicFeed<V> feed, String eventName, org.apache.avro.Schema schema) {
        this.streams = streams;
        this.view = view;
        this.feed = feed;
        this.eventName = eventName;
        this.schema = schema;
    }

    List<V> records(RecordQuery query) {
        RepresentationStreams running = streams.streams().orElseThrow(() -> new MetricsUnavailableException(
                "the representation topology is not running yet"));
        List<V> records = new ArrayList<>();
        try (KeyValueIterator<String, V> all = view.apply(running).all()) {
            all.forEachRemaining(entry -> {
                if (entry.value != null && query.matches(entry.value)) {
                    records.add(entry.value);
                }
            });
        }
        return records;
    }

    List<Map<String, Object>> find(RecordQuery query) {
        return records(query).stream().map(AvroViews::view).toList();
    }

    ResponseEntity<String> csv(RecordQuery query, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(CsvExport.csv(schema, records(query)));
    }

    SseEmitter stream(RecordQuery query) {
        return feed.subscribe(eventName, query::matches, AvroViews::view);
    }
}
