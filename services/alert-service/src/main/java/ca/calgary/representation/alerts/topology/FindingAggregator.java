package ca.calgary.representation.alerts.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.calgary.representation.alerts.Alert;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.alerts.core.AlertState;
import ca.calgary.representation.alerts.core.FindingChange;
import ca.calgary.representation.alerts.core.Severity;
import ca.calgary.representation.alerts.core.Status;
import ca.calgary.representation.alerts.core.Findings;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The findings of one family of alerts (one rule, group and measure: the alerts that can roll up together), from
 * the family's alerts as they change: each change recomputes the family's findings ({@link Findings}) and publishes
 * those that changed, each saying what changed ({@link FindingChange}) and when it opened, worsened and resolved,
 * and a null for a finding whose head joined a broader finding. A family's work grows with the
 * cells where its rule holds, never with employees or events; families are spread over the partitions.
 */
final class FindingAggregator implements Processor<String, Alert, String, Finding> {

    /** Each family's alerts, keyed {@code family#alertId}. */
    static final String FAMILY_ALERTS_STORE = "family-alerts";
    /** Each family's findings as last published, keyed {@code family#findingId}. */
    static final String PUBLISHED_FINDINGS_STORE = "published-findings";
    /** Each family's latest {@code changedAt}, so that no two changes of a finding share one. */
    static final String FAMILY_CLOCKS_STORE = "family-clocks";
    private static final StringSerializer KEYS = new StringSerializer();

    private ProcessorContext<String, Finding> context;
    private KeyValueStore<String, Alert> alerts;
    private KeyValueStore<String, Finding> published;
    private KeyValueStore<String, Long> clocks;

    static ProcessorSupplier<String, Alert, String, Finding> supplier(Serde<Alert> alertSerde,
                                                                      Serde<Finding> findingSerde) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Alert, String, Finding> get() {
                return new FindingAggregator();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store(FAMILY_ALERTS_STORE, alertSerde), store(PUBLISHED_FINDINGS_STORE, findingSerde),
                        store(FAMILY_CLOCKS_STORE, Serdes.Long()));
            }
        };
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), AlertTopics.KEY, values)
                .withLoggingEnabled(Map.of());
    }

    /** The family an alert rolls up in: {@code rule|group|measure}. */
    static String family(Alert alert) {
        AlertState state = AlertRecords.fromAvro(alert);
        return state.rule() + "|" + state.group() + "|" + (state.measure() == null ? "" : state.measure());
    }

    @Override
    public void init(ProcessorContext<String, Finding> context) {
        this.context = context;
        this.alerts = context.getStateStore(FAMILY_ALERTS_STORE);
        this.published = context.getStateStore(PUBLISHED_FINDINGS_STORE);
        this.clocks = context.getStateStore(FAMILY_CLOCKS_STORE);
    }

    @Override
    public void process(Record<String, Alert> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String prefix = record.key() + "#";
        alerts.put(prefix + record.value().getAlertId(), record.value());

        Map<String, Alert> records = new HashMap<>();
        List<AlertState> family = new ArrayList<>();
        try (KeyValueIterator<String, Alert> all = alerts.prefixScan(prefix, KEYS)) {
            all.forEachRemaining(entry -> {
                records.put(entry.value.getAlertId(), entry.value);
                family.add(AlertRecords.fromAvro(entry.value));
            });
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (Findings.Finding finding : Findings.of(family)) {
            findings.put(finding.id(), AlertRecords.toAvro(finding, records));
        }

        List<String> joined = new ArrayList<>();
        try (KeyValueIterator<String, Finding> before = published.prefixScan(prefix, KEYS)) {
            before.forEachRemaining(entry -> {
                if (!findings.containsKey(entry.value.getFindingId())) {
                    joined.add(entry.value.getFindingId());
                }
            });
        }
        for (String findingId : joined) {
            published.delete(prefix + findingId);
            context.forward(new Record<>(findingId, null, record.timestamp()));
        }
        List<Changed> changes = new ArrayList<>();
        findings.forEach((findingId, finding) -> {
            Finding before = published.get(prefix + findingId);
            if (before == null || !withoutChange(before).equals(finding)) {
                changes.add(new Changed(findingId, before, finding));
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        Instant now = tick(record.key());
        for (Changed change : changes) {
            Finding changed = withChange(change.before(), change.after(), now);
            published.put(prefix + change.findingId(), changed);
            context.forward(new Record<>(change.findingId(), changed, record.timestamp()));
        }
    }

    /** A finding that differs from the one last published ({@code before}: null if none was). */
    private record Changed(String findingId, Finding before, Finding after) {
    }

    /**
     * The time of this change of the family: the wall clock, but always after the family's previous change. A
     * change is delivered as {@code findingId@changedAt}, and Streams hands the records of one poll the same wall
     * clock, so two changes of a finding in one poll (opened, then worsened) would otherwise be one delivery.
     */
    private Instant tick(String family) {
        Long previous = clocks.get(family);
        long now = previous == null ? context.currentSystemTimeMs()
                : Math.max(context.currentSystemTimeMs(), previous + 1);
        clocks.put(family, now);
        return Instant.ofEpochMilli(now);
    }

    /**
     * The finding with what it changed against the one last published ({@link FindingChange}) and when it opened,
     * last worsened and resolved, so that delivery and digests read them from the finding alone.
     */
    static Finding withChange(Finding before, Finding after, Instant now) {
        FindingChange change = FindingChange.of(before == null ? null : state(before), state(after));
        Finding.Builder changed = Finding.newBuilder(after);
        if (change == null) {
            // a resolved finding's figures moved, or a resolved cell left a finding: no news
            return before == null ? changed.build() : changed.setChange(before.getChange())
                    .setChangedAt(before.getChangedAt()).setOpenedAt(before.getOpenedAt())
                    .setWorsenedAt(before.getWorsenedAt()).setResolvedAt(before.getResolvedAt()).build();
        }
        changed.setChange(change.name()).setChangedAt(now);
        switch (change) {
            case OPENED -> changed.setOpenedAt(now).setWorsenedAt(null).setResolvedAt(null);
            case WORSENED -> changed.setOpenedAt(before.getOpenedAt()).setWorsenedAt(now).setResolvedAt(null);
            case RESOLVED -> changed.setOpenedAt(before.getOpenedAt()).setWorsenedAt(before.getWorsenedAt())
                    .setResolvedAt(now);
            case IMPROVED, UPDATED -> changed.setOpenedAt(before.getOpenedAt()).setWorsenedAt(before.getWorsenedAt())
                    .setResolvedAt(null);
        }
        return changed.build();
    }

    private static FindingChange.State state(Finding finding) {
        return new FindingChange.State(!Status.RESOLVED.name().equals(finding.getStatus()),
                Severity.valueOf(finding.getSeverity()), finding.getCells().size());
    }

    private static Finding withoutChange(Finding finding) {
        return Finding.newBuilder(finding).setChange(null).setChangedAt(null).setOpenedAt(null).setWorsenedAt(null)
                .setResolvedAt(null).build();
    }
}
