package ca.calgary.representation.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What to simulate. The same settings always give the same events, byte for byte.
 *
 * @param seed      seeds every random draw
 * @param employees the size of the workforce at the start (it grows about 1% a year)
 * @param years     how many years of history, ending on {@code endDate}
 * @param endDate   the last day simulated (by default today in Calgary: the metrics' "today")
 */
public record SimulationSettings(long seed, int employees, int years, LocalDate endDate) {

    public static final long DEFAULT_SEED = 2023;
    public static final int DEFAULT_EMPLOYEES = 15_000;
    public static final int DEFAULT_YEARS = 6;
    public static final ZoneId CALGARY = ZoneId.of("America/Edmonton");

    public SimulationSettings {
        if (employees < 200 || employees > 2_000_000) {
            throw new IllegalArgumentException("employees must be between 200 and 2,000,000 (got " + employees + ")");
        }
        if (years < 1 || years > 40) {
            throw new IllegalArgumentException("years must be between 1 and 40 (got " + years + ")");
        }
        if (endDate == null) {
            throw new IllegalArgumentException("endDate is required");
        }
        if (endDate.minusYears(years + 40L).getYear() < 1900) {
            throw new IllegalArgumentException("endDate " + endDate + " leaves hire dates before 1900");
        }
    }

    public static SimulationSettings defaults() {
        return new SimulationSettings(DEFAULT_SEED, DEFAULT_EMPLOYEES, DEFAULT_YEARS, LocalDate.now(CALGARY));
    }

    /** The first simulated day: staff employed then were hired earlier, on their own hire dates. */
    public LocalDate startDate() {
        return endDate.minusYears(years).plusDays(1);
    }

    /**
     * The prefix of every id this simulation makes (events, employees, competitions): the seed and a digest of all the
     * settings, so two different simulations never reuse an id for different content (the ingest services would
     * refuse such an event id as a conflict).
     */
    public String runId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint().getBytes(StandardCharsets.UTF_8));
            return "S" + seed + "-" + HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A short text naming these settings, e.g. to tell whether kept progress belongs to them. */
    public String fingerprint() {
        return "seed=" + seed + " employees=" + employees + " years=" + years + " end=" + endDate;
    }

    /** The end date a {@link #fingerprint()} names, if it names one. */
    static Optional<LocalDate> endDateOf(String fingerprint) {
        for (String part : fingerprint.split(" ")) {
            if (part.startsWith("end=")) {
                return Optional.of(LocalDate.parse(part.substring(4)));
            }
        }
        return Optional.empty();
    }
}
