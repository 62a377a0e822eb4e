package ca.calgary.representation.web;

/** The roles of SPEC §9. */
public final class Roles {

    /** HR systems: publish events. */
    public static final String HR_PUBLISHER = "HR_PUBLISHER";
    /** Leadership: read metrics. */
    public static final String LEADERSHIP = "LEADERSHIP";
    /** Equity officers: read alerts, manage subscriptions. */
    public static final String EQUITY_OFFICER = "EQUITY_OFFICER";
    /** Administrators: benchmarks, configuration, the actuator. */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    private Roles() {
    }
}
