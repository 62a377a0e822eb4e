package ca.calgary.representation.simulator;

import java.util.List;

/**
 * Who a simulated person is, whether or not they ever say so: Indigenous identities and race categories as SPEC §3
 * names them. The simulation decides promotions and separations on this, and publishes it only through
 * self-identification, which many never submit.
 */
record Identity(List<String> indigenousIdentities, List<String> raceCategories) {

    boolean indigenous() {
        return !indigenousIdentities.isEmpty();
    }

    boolean black() {
        return raceCategories.contains("BLACK");
    }

    /** Any race category other than WHITE (SPEC's racialized group). */
    boolean racialized() {
        return raceCategories.stream().anyMatch(race -> !race.equals("WHITE"));
    }

    /** In the combined group of Indigenous, Black and racialized staff. */
    boolean equityGroup() {
        return indigenous() || racialized();
    }
}
