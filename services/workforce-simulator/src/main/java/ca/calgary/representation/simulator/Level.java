package ca.calgary.representation.simulator;

/** The levels of SPEC §2, lowest first. */
enum Level {
    FRONTLINE, SUPERVISOR, MANAGER, DIRECTOR, EXECUTIVE;

    Level below() {
        return values()[ordinal() - 1];
    }
}
