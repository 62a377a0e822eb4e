package ca.calgary.representation.simulator;

/**
 * The levels of SPEC §2, lowest first, with what the simulation assumes of each: the least tenure of someone holding
 * it on the first day; how diverse the people holding it on the first day, or hired into it from outside, are against
 * the front line (senior ranks, here and in the labour market, were filled under the same bias as now); and its
 * yearly separation rate before the equity groups' excess.
 */
enum Level {
    FRONTLINE(0, 1.0, 0.065),
    SUPERVISOR(4, 0.8, 0.045),
    MANAGER(8, 0.65, 0.05),
    DIRECTOR(12, 0.55, 0.06),
    EXECUTIVE(15, 0.45, 0.08);

    private final double minimumTenureYears;
    private final double diversityFactor;
    private final double annualSeparationRate;

    Level(double minimumTenureYears, double diversityFactor, double annualSeparationRate) {
        this.minimumTenureYears = minimumTenureYears;
        this.diversityFactor = diversityFactor;
        this.annualSeparationRate = annualSeparationRate;
    }

    double minimumTenureYears() {
        return minimumTenureYears;
    }

    double diversityFactor() {
        return diversityFactor;
    }

    double annualSeparationRate() {
        return annualSeparationRate;
    }

    Level below() {
        return values()[ordinal() - 1];
    }
}
