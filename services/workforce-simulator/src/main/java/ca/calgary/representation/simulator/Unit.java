package ca.calgary.representation.simulator;

import java.util.List;

/**
 * An organisational unit where people hold positions: its path, its service line, its share of the workforce and
 * the job titles of its ladder, one per {@link Level}.
 */
record Unit(String path, String serviceLine, double share, String jobCodePrefix, List<String> titles) {

    String title(Level level) {
        return titles.get(level.ordinal());
    }

    String jobCode(Level level) {
        return jobCodePrefix + "-" + level.name().charAt(0) + (level.ordinal() + 1);
    }

    boolean publicSafety() {
        return !serviceLine.equals("CORPORATE");
    }
}
