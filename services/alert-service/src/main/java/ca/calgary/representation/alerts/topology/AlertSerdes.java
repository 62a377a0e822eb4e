package ca.calgary.representation.alerts.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SortedMap;
import java.util.TreeMap;

import ca.calgary.representation.alerts.core.CellHistory;
import ca.calgary.representation.alerts.core.Signal;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

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

    private static Double readDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static Long readLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write an internal value for " + topic, e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte version = in.readByte();
                if (version != VERSION) {
                    throw new SerializationException("internal value of " + topic + " has format " + version
                            + "; this release reads format " + VERSION);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read an internal value of " + topic, e);
            }
        });
    }
}
