package ca.calgary.representation.alerts.topology;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import ca.calgary.representation.alerts.core.CellHistory;
import ca.calgary.representation.alerts.core.Measure;
import ca.calgary.representation.alerts.core.Signal;
import ca.calgary.representation.streams.BinarySerde;
import ca.calgary.representation.streams.BinarySerde.Reader;
import ca.calgary.representation.streams.BinarySerde.Writer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Compact binary serdes for the alert topology's own repartition topic and store. They never leave the pipeline, so
 * they need no registry; each value starts with a format version byte. Format 2 added comparisons of any measure
 * (format 1's promotion signal reads as a PROMOTION comparison) and a latest rolling period per feed in a cell's
 * history (format 1's single one was the flows').
 */
final class AlertSerdes {

    private static final byte VERSION = 2;
    private static final byte LIVE = 1;
    /** Format 1 only. */
    private static final byte PROMOTION = 2;
    private static final byte SNAPSHOT = 3;
    private static final byte COMPARISON = 4;
    private static final byte GOAL = 5;

    private AlertSerdes() {
    }

    static Serde<Signal> signal() {
        return serde((out, signal) -> {
            if (signal instanceof Signal.Live live) {
                out.writeByte(LIVE);
                cell(out, live);
                out.writeLong(live.headcount());
                number(out, live.representation());
                number(out, live.benchmark());
                number(out, live.representationIndex());
                number(out, live.pUnder());
                number(out, live.responseRate());
            } else if (signal instanceof Signal.Comparison comparison) {
                out.writeByte(COMPARISON);
                cell(out, comparison);
                out.writeUTF(comparison.measure().name());
                out.writeUTF(comparison.period());
                out.writeUTF(comparison.referenceGroup());
                number(out, comparison.pool());
                number(out, comparison.referencePool());
                number(out, comparison.rate());
                number(out, comparison.adverseImpactRatio());
                number(out, comparison.fisherP());
            } else if (signal instanceof Signal.Goal goal) {
                out.writeByte(GOAL);
                cell(out, goal);
                number(out, goal.targetShare());
                out.writeBoolean(goal.targetDate() != null);
                if (goal.targetDate() != null) {
                    out.writeUTF(goal.targetDate());
                }
                number(out, goal.projectedShare());
                number(out, goal.projectedShortfall());
            } else if (signal instanceof Signal.Snapshot snapshot) {
                out.writeByte(SNAPSHOT);
                cell(out, snapshot);
                out.writeUTF(snapshot.quarter());
                number(out, snapshot.representation());
            }
        }, in -> {
            byte kind = in.readByte();
            String scope = in.readUTF();
            String tier = in.readUTF();
            String group = in.readUTF();
            return switch (kind) {
                case LIVE -> new Signal.Live(scope, tier, group, in.readLong(), readDouble(in), readDouble(in),
                        readDouble(in), readDouble(in), readDouble(in));
                case PROMOTION -> new Signal.Comparison(scope, tier, group, Measure.PROMOTION, in.readUTF(),
                        in.readUTF(), readLong(in), readLong(in), readDouble(in), readDouble(in), readDouble(in));
                case COMPARISON -> new Signal.Comparison(scope, tier, group, Measure.valueOf(in.readUTF()),
                        in.readUTF(), in.readUTF(), readLong(in), readLong(in), readDouble(in), readDouble(in),
                        readDouble(in));
                case SNAPSHOT -> new Signal.Snapshot(scope, tier, group, in.readUTF(), readDouble(in));
                case GOAL -> new Signal.Goal(scope, tier, group, readDouble(in), in.readBoolean() ? in.readUTF() : null,
                        readDouble(in), readLong(in));
                default -> throw new IOException("unknown signal kind " + kind);
            };
        });
    }

    static Serde<CellHistory> cellHistory() {
        return serde((out, history) -> {
            out.writeInt(history.quarterEnds().size());
            for (var entry : history.quarterEnds().entrySet()) {
                out.writeUTF(entry.getKey());
                number(out, entry.getValue());
            }
            out.writeInt(history.latestRollingPeriods().size());
            for (var entry : history.latestRollingPeriods().entrySet()) {
                out.writeUTF(entry.getKey().name());
                out.writeUTF(entry.getValue());
            }
        }, in -> {
            SortedMap<String, Double> quarters = new TreeMap<>();
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                quarters.put(in.readUTF(), readDouble(in));
            }
            Map<Measure.Source, String> periods = new EnumMap<>(Measure.Source.class);
            if (in.version() == 1) {
                if (in.readBoolean()) {
                    periods.put(Measure.Source.FLOWS, in.readUTF());
                }
            } else {
                int sources = in.readInt();
                for (int i = 0; i < sources; i++) {
                    periods.put(Measure.Source.valueOf(in.readUTF()), in.readUTF());
                }
            }
            return new CellHistory(quarters, periods);
        });
    }

    private static void cell(DataOutputStream out, Signal signal) throws IOException {
        out.writeUTF(signal.scope());
        out.writeUTF(signal.tier());
        out.writeUTF(signal.group());
    }

    private static void number(DataOutputStream out, Number value) throws IOException {
        out.writeBoolean(value != null);
        if (value instanceof Long l) {
            out.writeLong(l);
        } else if (value != null) {
            out.writeDouble(value.doubleValue());
        }
    }

    private static Double readDouble(BinarySerde.Input in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static Long readLong(BinarySerde.Input in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return BinarySerde.of(VERSION, writer, reader);
    }
}
