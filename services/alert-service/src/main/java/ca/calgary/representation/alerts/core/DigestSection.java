package ca.calgary.representation.alerts.core;

import java.time.Instant;

/**
 * Where a finding goes in a digest of the period {@code (since, until]} (SPEC §8): opened in the period, worsened in
 * it (open since before it), resolved in it, or still open (open since before it, not worse). A finding resolved
 * before the period, or not yet opened at its end, is not in it; one resolved after the period's end counts as it
 * stood at the end (a digest computed late, after a restart).
 */
public enum DigestSection {
    OPENED, WORSENED, RESOLVED, STILL_OPEN;

    /**
     * @param openedAt   when the finding last opened (null: unknown, counts as before the period)
     * @param worsenedAt when it last worsened, null if it has not
     * @param open       whether it is open now
     * @param resolvedAt when it resolved (null: it resolved beneath another finding, never open on its own)
     * @return its section, or null when it is not in the digest
     */
    public static DigestSection of(Instant since, Instant until, Instant openedAt, Instant worsenedAt, boolean open,
                                   Instant resolvedAt) {
        boolean resolvedLater = !open && resolvedAt != null && resolvedAt.isAfter(until);
        if (!open && !resolvedLater) {
            return resolvedAt != null && resolvedAt.isAfter(since) ? RESOLVED : null;
        }
        if (openedAt != null && openedAt.isAfter(until)) {
            return null;
        }
        if (openedAt != null && openedAt.isAfter(since)) {
            return OPENED;
        }
        if (worsenedAt != null && worsenedAt.isAfter(since) && !worsenedAt.isAfter(until)) {
            return WORSENED;
        }
        return STILL_OPEN;
    }
}
