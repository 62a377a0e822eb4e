package ca.calgary.representation.metrics.core;

/**
 * One level's people and flows for one population (the members of an equity group, or everyone else) over the latest
 * complete rolling 12 months (SPEC §11): what the projection of a goal starts from and extrapolates. Aggregates only,
 * read from published figures (per level: a tier's figure less the next tier's). Counts, though not always whole:
 * where a group's own counts are suppressed they are expected counts at everyone's rates ({@link GoalProgress}).
 *
 * @param headcountToday   people at the level today
 * @param headcountAtStart people at the level on the day before the 12 months began (the rates' denominator)
 * @param separations      separations from the level in the 12 months (people hired during them count too, so a
 *                         rate may exceed what the start alone explains)
 * @param promotionsUp     promotions out of the level into the next one in the 12 months
 * @param hires            hires into the level in the 12 months
 */
public record LevelFlows(double headcountToday, double headcountAtStart, double separations, double promotionsUp,
                         double hires) {

    public static final LevelFlows NONE = new LevelFlows(0, 0, 0, 0, 0);

    public LevelFlows {
        if (headcountToday < 0 || headcountAtStart < 0 || separations < 0 || promotionsUp < 0 || hires < 0) {
            throw new IllegalArgumentException("level flows are counts, never negative");
        }
    }

    /** The annual separation rate (0 with no one at the start: nothing is known). */
    public double separationRate() {
        return rate(separations, headcountAtStart);
    }

    /** The annual rate of promotion to the next level (0 with no one at the start). */
    public double promotionRate() {
        return rate(promotionsUp, headcountAtStart);
    }

    /** A rate over 12 months: the moves per person at the start, 0 with no one at the start. */
    static double rate(double moves, double atStart) {
        return atStart == 0 ? 0 : (double) moves / atStart;
    }
}
