package ca.calgary.representation.alerts.core;

/**
 * The thresholds of SPEC §8, each opening threshold with the one that resolves it (the gap between them is the
 * hysteresis that keeps a cell hovering at a threshold from flapping).
 *
 * @param gapIndex            REPRESENTATION_GAP opens below this representation index (0.8)
 * @param gapResolveIndex     ... and resolves at or above this one (0.85)
 * @param pValue              a test rejects below this p-value (0.05); an alert resolves when it no longer does
 * @param minCellSize         k: N (or each pool) must be at least this
 * @param adverseImpactRatio  ADVERSE_IMPACT opens below this ratio (0.8)
 * @param adverseImpactResolveRatio ... and resolves at or above this one (0.85)
 * @param declinePoints       DECLINE opens when representation fell by at least this many points (2)
 * @param declineResolvePoints ... and resolves when the fall is less than this (1.5)
 * @param lowResponse         LOW_RESPONSE opens below this response rate (0.6)
 * @param lowResponseResolve  ... and resolves at or above this one (0.65)
 * @param goalShortfall       GOAL_OFF_TRACK opens when the projection misses the goal by more than this many
 *                            people on its target date (1)
 * @param goalShortfallResolve ... and resolves when it misses by at most this many (0: on track)
 */
public record AlertThresholds(double gapIndex, double gapResolveIndex, double pValue, int minCellSize,
                              double adverseImpactRatio, double adverseImpactResolveRatio,
                              double declinePoints, double declineResolvePoints,
                              double lowResponse, double lowResponseResolve, long goalShortfall,
                              long goalShortfallResolve) {

    public static AlertThresholds defaults() {
        return new AlertThresholds(0.8, 0.85, 0.05, 10, 0.8, 0.85, 2.0, 1.5, 0.6, 0.65, 1, 0);
    }

    public AlertThresholds {
        if (gapResolveIndex < gapIndex || adverseImpactResolveRatio < adverseImpactRatio
                || declineResolvePoints > declinePoints || lowResponseResolve < lowResponse
                || goalShortfallResolve >= goalShortfall || goalShortfallResolve < 0) {
            throw new IllegalArgumentException("each resolving threshold must lie beyond its opening threshold");
        }
    }
}
