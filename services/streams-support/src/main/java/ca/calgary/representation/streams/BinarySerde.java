package ca.calgary.representation.streams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Compact binary serdes for a topology's own repartition topics and state stores. They never leave the pipeline, so
 * they need no registry; each value starts with its format version, so a release reads what earlier ones wrote.
 */
public final class BinarySerde {

    /** Writes one value's fields. */
    public interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    /** Reads one value's fields; {@link Input#version()} tells the format it was written in. */
    public interface Reader<T> {
        T read(Input in) throws IOException;
    }

    /** The input of one value, with the format version it was written in. */
    public static final class Input extends DataInputStream {
        private final int version;

        Input(byte[] data) throws IOException {
            super(new ByteArrayInputStream(data));
            this.version = readByte();
        }

        public int version() {
            return version;
        }
    }

    private BinarySerde() {
    }

    /** Writes format {@code version}; reads formats 1 to {@code version}. */
    public static <T> Serde<T> of(int version, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(version);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot write an internal value for " + topic, e);
            }
            return bytes.toByteArray();
        }, (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (Input in = new Input(data)) {
                if (in.version() < 1 || in.version() > version) {
                    throw new SerializationException("internal value of " + topic + " has format " + in.version()
                            + "; this release reads formats 1 to " + version);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read an internal value of " + topic, e);
            }
        });
    }
}
