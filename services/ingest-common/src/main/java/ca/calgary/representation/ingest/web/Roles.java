package ca.calgary.representation.ingest.web;

/** The roles of SPEC §9. */
public final class Roles {

    /** HR systems: publish events. */
    public static final String HR_PUBLISHER = "HR_PUBLISHER";
    /** Operators and administrators: metrics, configuration. */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    private Roles() {
    }
}
