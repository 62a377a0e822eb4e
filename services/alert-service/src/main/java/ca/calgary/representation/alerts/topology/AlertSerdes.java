package ca.calgary.representation.alerts.topology;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;

import ca.calgary.representation.alerts.core.CellHistory;
import ca.calgary.representation.alerts.core.Signal;
import ca.calgary.representation.streams.BinarySerde;
import ca.calgary.representation.streams.BinarySerde.Reader;
import ca.calgary.representation.streams.BinarySerde.Writer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Compact binary serdes for the alert topology's own repartition topic and store. They never leave the pipeline, so
 * they need no registry; each value starts with a format version byte.
 */
final class AlertSerdes {

    private static final byte VERSION = 1;
    private static final byte LIVE = 1;
    private static final byte PROMOTION = 2;
    private static final byte SNAPSHOT = 3;

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
            } else if (signal instanceof Signal.Promotion promotion) {
                out.writeByte(PROMOTION);
                cell(out, promotion);
                out.writeUTF(promotion.period());
                out.writeUTF(promotion.referenceGroup());
                number(out, promotion.pool());
                number(out, promotion.referencePool());
                number(out, promotion.promotionRate());
                number(out, promotion.adverseImpactRatio());
                number(out, promotion.fisherP());
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
                case PROMOTION -> new Signal.Promotion(scope, tier, group, in.readUTF(), in.readUTF(), readLong(in),
                        readLong(in), readDouble(in), readDouble(in), readDouble(in));
                case SNAPSHOT -> new Signal.Snapshot(scope, tier, group, in.readUTF(), readDouble(in));
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
            out.writeBoolean(history.latestRollingPeriod() != null);
            if (history.latestRollingPeriod() != null) {
                out.writeUTF(history.latestRollingPeriod());
            }
        }, in -> {
            SortedMap<String, Double> quarters = new TreeMap<>();
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                quarters.put(in.readUTF(), readDouble(in));
            }
            return new CellHistory(quarters, in.readBoolean() ? in.readUTF() : null);
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
