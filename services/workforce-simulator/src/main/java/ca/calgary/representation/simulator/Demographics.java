package ca.calgary.representation.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Who is hired: a Calgary-like labour market (2021 census shares, rounded), less diverse the earlier the hire (a
 * 1995 cohort has about half the racialized share of today's) and somewhat less diverse in public safety, where
 * recruiting has lagged the labour market.
 */
final class Demographics {

    private static final String[] RACES = {"SOUTH_ASIAN", "EAST_ASIAN", "SOUTHEAST_ASIAN", "BLACK", "LATIN_AMERICAN",
        "MIDDLE_EASTERN", "ANOTHER_RACE"};
    /** Shares of the labour market, for the races above. */
    private static final double[] RACE_SHARES = {0.10, 0.09, 0.07, 0.05, 0.03, 0.035, 0.015};
    private static final double INDIGENOUS = 0.035;
    private static final double MULTIPLE = 0.02;

    private Demographics() {
    }

    /** How diverse a cohort hired in the given year into the given unit is, relative to today's labour market. */
    static double diversity(int hireYear, Unit unit) {
        double cohort = Math.max(0.45, Math.min(1.0, 0.45 + 0.025 * (hireYear - 1995)));
        return unit.publicSafety() ? cohort * 0.75 : cohort;
    }

    static Identity draw(RandomGenerator random, double diversity) {
        double draw = random.nextDouble();
        double indigenous = INDIGENOUS * diversity;
        if (draw < indigenous) {
            double which = random.nextDouble();
            String identity = which < 0.58 ? "FIRST_NATIONS" : which < 0.96 ? "METIS" : "INUIT";
            // About a third of Indigenous people also name a race category, mostly WHITE.
            List<String> races = random.nextDouble() < 0.3 ? List.of("WHITE") : List.of();
            return new Identity(List.of(identity), races);
        }
        draw -= indigenous;
        for (int i = 0; i < RACES.length; i++) {
            double share = RACE_SHARES[i] * diversity;
            if (draw < share) {
                return new Identity(List.of(), List.of(RACES[i]));
            }
            draw -= share;
        }
        if (draw < MULTIPLE * diversity) {
            List<String> races = new ArrayList<>(List.of(RACES[random.nextInt(RACES.length)], "WHITE"));
            return new Identity(List.of(), List.copyOf(races));
        }
        return new Identity(List.of(), List.of("WHITE"));
    }
}
