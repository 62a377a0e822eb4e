package ca.calgary.representation.serde;

/** Confluent's framing: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary body. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static String describe(String topic, boolean isKey) {
        return (isKey ? "key" : "value") + " of topic '" + topic + "'";
    }

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
