package ca.calgary.representation.events.contract;

import java.util.OptionalInt;

/**
 * Rules for the identifiers and names of events that become parts of published tables (unit paths, service lines,
 * job titles, ids), shared by the ingest services (which refuse with a 422) and the pipeline (which dead-letters what
 * arrives straight through Kafka): one event must not be able to multiply the number of cells, nor make a scope read
 * as another.
 */
public final class TextRules {

    /** SPEC §5: an orgUnitPath has at most this many units unless configured otherwise. */
    public static final int DEFAULT_MAX_ORG_UNITS = 12;

    private TextRules() {
    }

    /** How many units an orgUnitPath names ({@code City/Public Safety} names two). */
    public static int orgUnits(String orgUnitPath) {
        return orgUnitPath.split("/", -1).length;
    }

    /**
     * The first invisible formatting character of the text (Unicode category Cf: bidirectional overrides and
     * isolates such as U+202E, zero-width spaces and joiners, the byte-order mark), which would let a name render as
     * another in exports and the dashboard.
     */
    public static OptionalInt invisibleFormatting(String text) {
        return text.codePoints().filter(c -> Character.getType(c) == Character.FORMAT).findFirst();
    }

    /** A code point as U+XXXX. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
