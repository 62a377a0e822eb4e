package ca.calgary.representation.metrics.core;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import ca.calgary.representation.events.Position;
import ca.calgary.representation.events.PromotionCompetitionOpened;
import ca.calgary.representation.events.contract.TextRules;
import ca.calgary.representation.metrics.DeadLetterReason;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a decoded input event must be before the pipeline applies it (SPEC §3 and the topic contracts): its declared
 * type, where the publisher declared one, names its payload's union branch; and the record is keyed by the event's
 * employeeKey (competitionId for a competition's opening), which every event but an opening carries. The pipeline
 * never guesses: anything else is rejected with the reason. A position's names become published scopes, so they are
 * held to the ingest services' rules too ({@link TextRules}: no deeper unit path than configured, no invisible
 * formatting). A rejection's detail names no key or field value, since a wrong key is often the HR employeeId.
 */
public final class InputEventCheck {

    /** Why an event is not applied, in words. */
    public record Rejection(DeadLetterReason reason, String detail) {
    }

    private InputEventCheck() {
    }

    /**
     * @param key      the Kafka record's key
     * @param envelope one of the input envelopes (EmploymentEvent, SelfIdentificationEvent, PromotionEvent,
     *                 MentorshipEvent), as decoded
     * @param maxOrgUnits how many units an orgUnitPath may name
     */
    public static Optional<Rejection> check(String key, SpecificRecord envelope, int maxOrgUnits) {
        SpecificRecord payload = (SpecificRecord) field(envelope, "payload");
        String branch = payload.getSchema().getName();
        Object declared = field(envelope, "type");
        if (declared != null && !branch.equals(declared.toString())) {
            return Optional.of(new Rejection(DeadLetterReason.TYPE_MISMATCH, "the event declares type "
                    + describe(envelope, declared.toString()) + " but its payload is the union's " + branch
                    + " branch (a writer that picks union branches by shape? set the payload's branch tag, e.g. "
                    + "\"employeeHired\")"));
        }
        Object employeeKey = field(envelope, "employeeKey");
        Object expected = payload instanceof PromotionCompetitionOpened opened ? opened.getCompetitionId()
                : employeeKey;
        if (expected == null) {
            return Optional.of(new Rejection(DeadLetterReason.KEY_MISMATCH, "a " + branch
                    + " event must carry an employeeKey"));
        }
        String keyedBy = payload instanceof PromotionCompetitionOpened ? "competitionId" : "employeeKey";
        if (key == null) {
            return Optional.of(new Rejection(DeadLetterReason.KEY_MISMATCH, "the record has no key; key a " + branch
                    + " event by its " + keyedBy));
        }
        if (!key.equals(expected.toString())) {
            return Optional.of(new Rejection(DeadLetterReason.KEY_MISMATCH, "the record's key is not the event's "
                    + keyedBy + " (key a " + branch + " event by its " + keyedBy
                    + ", never by the HR employeeId)"));
        }
        Object position = field(payload, "position");
        if (position instanceof Position placed) {
            return checkPosition(branch, placed, maxOrgUnits);
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkPosition(String branch, Position position, int maxOrgUnits) {
        int units = TextRules.orgUnits(position.getOrgUnitPath());
        if (units > maxOrgUnits) {
            return Optional.of(new Rejection(DeadLetterReason.MALFORMED, "the " + branch + " position's orgUnitPath "
                    + "has " + units + " units; at most " + maxOrgUnits + " (every unit is a published scope)"));
        }
        for (Schema.Field name : Position.getClassSchema().getFields()) {
            if (position.get(name.pos()) instanceof CharSequence text) {
                OptionalInt formatting = TextRules.invisibleFormatting(text.toString());
                if (formatting.isPresent()) {
                    return Optional.of(new Rejection(DeadLetterReason.MALFORMED, "the " + branch + " position's "
                            + name.name() + " contains the invisible formatting character "
                            + TextRules.codePoint(formatting.getAsInt())));
                }
            }
        }
        return Optional.empty();
    }

    /** The envelope's eventId, which a dead letter names so the publisher can find the event. */
    public static String eventId(SpecificRecord envelope) {
        return field(envelope, "eventId").toString();
    }

    private static Object field(SpecificRecord record, String name) {
        Schema.Field field = record.getSchema().getField(name);
        return field == null ? null : record.get(field.pos());
    }

    /** A declared type as text only when it is one of the topic's types: a free-text field could hold anything. */
    private static String describe(SpecificRecord envelope, String declared) {
        Set<String> known = Set.copyOf(envelope.getSchema().getField("payload").schema().getTypes().stream()
                .map(Schema::getName).toList());
        return known.contains(declared) ? declared : "(not one of this topic's types)";
    }
}
