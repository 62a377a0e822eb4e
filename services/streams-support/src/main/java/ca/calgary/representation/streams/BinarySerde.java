package ca.calgary.representation.streams;

import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

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
        private final UnsynchronizedInput source;
        private final int version;

        Input(byte[] data) throws IOException {
            this(new UnsynchronizedInput(data));
        }

        private Input(UnsynchronizedInput source) throws IOException {
            super(source);
            this.source = source;
            this.version = readByte();
        }

        public int version() {
            return version;
        }

        /**
         * A variable-length integer ({@link #writeVarLong}), read straight from the array: counts are read this way
         * hundreds at a time on every store get, and a stream call per byte was the largest part of reading them.
         */
        public long readVarLong() throws IOException {
            return source.readVarLong();
        }
    }

    /** Writes a non-negative integer in 7-bit groups, lowest first, the high bit set on every group but the last. */
    public static void writeVarLong(DataOutput out, long value) throws IOException {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    private BinarySerde() {
    }

    /**
     * The JDK's byte-array streams lock on every byte, and these values are read and written a byte at a time (a
     * store's values on every get and put): an unlocked stream over one thread's array.
     */
    private static final class UnsynchronizedInput extends InputStream {
        private final byte[] data;
        private int position;

        UnsynchronizedInput(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= data.length) {
                return -1;
            }
            int read = Math.min(length, data.length - position);
            System.arraycopy(data, position, into, offset, read);
            position += read;
            return read;
        }

        long readVarLong() throws IOException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= data.length) {
                    throw new EOFException("a variable-length integer is cut off");
                }
                byte next = data[position++];
                value |= (long) (next & 0x7F) << shift;
                if (next >= 0) {
                    return value;
                }
            }
            throw new IOException("variable-length integer longer than 64 bits");
        }

        @Override
        public int available() {
            return data.length - position;
        }
    }

    /** A growing byte array, unlocked like {@link UnsynchronizedInput}: for values written in parts. */
    public static final class UnsynchronizedOutput extends OutputStream {
        private byte[] data = new byte[64];
        private int size;

        @Override
        public void write(int value) {
            ensure(1);
            data[size++] = (byte) value;
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            ensure(length);
            System.arraycopy(from, offset, data, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
            }
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(data, size);
        }

        public void writeTo(OutputStream out) throws IOException {
            out.write(data, 0, size);
        }
    }

    /** Writes format {@code version}; reads formats 1 to {@code version}. */
    public static <T> Serde<T> of(int version, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            UnsynchronizedOutput bytes = new UnsynchronizedOutput();
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
