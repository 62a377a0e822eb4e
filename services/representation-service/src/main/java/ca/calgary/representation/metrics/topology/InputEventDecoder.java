package ca.calgary.representation.metrics.topology;

import java.time.Instant;
import java.util.Optional;

import ca.calgary.representation.metrics.DeadLetter;
import ca.calgary.representation.metrics.DeadLetterReason;
import ca.calgary.representation.metrics.core.InputEventCheck;
import ca.calgary.representation.serde.SchemaRegistryException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes one input topic's records (Confluent wire-format Avro) and checks them ({@link InputEventCheck}); a record
 * that cannot be decoded or fails the check becomes a dead letter with the reason and its source offset, so nothing
 * is dropped silently and one bad record never stops the pipeline.
 */
final class InputEventDecoder<V extends SpecificRecord> implements FixedKeyProcessor<String, byte[], DecodedInput<V>> {

    private static final int MAX_DETAIL = 500;

    private final Deserializer<V> deserializer;
    private final int maxOrgUnits;
    private FixedKeyProcessorContext<String, DecodedInput<V>> context;

    InputEventDecoder(Deserializer<V> deserializer, int maxOrgUnits) {
        this.deserializer = deserializer;
        this.maxOrgUnits = maxOrgUnits;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DecodedInput<V>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            reject(record, source, DeadLetterReason.UNDECODABLE, "the record has no value", null);
            return;
        }
        V event;
        try {
            event = deserializer.deserialize(source.topic(), record.value());
        } catch (RuntimeException e) {
            if (registryUnavailable(e)) {
                // not the record's fault: fail the task, and the record is read again once the registry is back
                throw e;
            }
            reject(record, source, DeadLetterReason.UNDECODABLE, "the value cannot be decoded: " + message(e), null);
            return;
        }
        Optional<InputEventCheck.Rejection> rejection = InputEventCheck.check(record.key(), event, maxOrgUnits);
        if (rejection.isPresent()) {
            reject(record, source, rejection.get().reason(), rejection.get().detail(),
                    InputEventCheck.eventId(event));
            return;
        }
        context.forward(record.withValue(DecodedInput.accepted(event)));
    }

    private void reject(FixedKeyRecord<String, byte[]> record, RecordMetadata source, DeadLetterReason reason,
                        String detail, String eventId) {
        DeadLetter letter = new DeadLetter(source.topic(), source.partition(), source.offset(), reason, detail,
                eventId, Instant.ofEpochMilli(context.currentSystemTimeMs()));
        context.forward(record.withValue(DecodedInput.rejected(letter)));
    }

    private static boolean registryUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaRegistryException registry && registry.isUnavailable()) {
                return true;
            }
        }
        return false;
    }

    /** The causes' messages, shortened: enough to see what was wrong (bad magic byte, unknown schema id, ...). */
    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < MAX_DETAIL; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                text.append(text.isEmpty() ? "" : ": ").append(cause.getMessage());
            }
        }
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text.toString();
    }
}
