package ca.calgary.representation.metrics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a cell looks: {@code ORG}, {@code PUBLIC_SAFETY}, {@code SERVICE_LINE:<code>}, {@code UNIT:<path prefix>}
 * or {@code WORKING_GROUP:<id>} (SPEC §5). The id is the published form.
 */
public record Scope(String id) implements Comparable<Scope> {

    public static final Scope ORG = new Scope("ORG");
    public static final Scope PUBLIC_SAFETY = new Scope("PUBLIC_SAFETY");
    static final String SERVICE_LINE_PREFIX = "SERVICE_LINE:";
    static final String UNIT_PREFIX = "UNIT:";
    static final String WORKING_GROUP_PREFIX = "WORKING_GROUP:";

    public static Scope serviceLine(String code) {
        return new Scope(SERVICE_LINE_PREFIX + code);
    }

    public static Scope unit(String path) {
        return new Scope(UNIT_PREFIX + path);
    }

    /** The active members of a working group: tiers ALL (every member) and LEADERSHIP (CHAIR, CO_CHAIR, LEAD). */
    public static Scope workingGroup(String workingGroupId) {
        return new Scope(WORKING_GROUP_PREFIX + workingGroupId);
    }

    /** Every scope a position belongs to, broadest first. */
    public static List<Scope> of(Placement placement, Set<String> publicSafetyServiceLines) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(ORG);
        if (publicSafetyServiceLines.contains(placement.serviceLine())) {
            scopes.add(PUBLIC_SAFETY);
        }
        scopes.add(serviceLine(placement.serviceLine()));
        String[] units = placement.orgUnitPath().split("/");
        StringBuilder prefix = new StringBuilder();
        for (String unit : units) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(unit);
            scopes.add(unit(prefix.toString()));
        }
        return scopes;
    }

    public boolean isUnit() {
        return id.startsWith(UNIT_PREFIX);
    }

    /** For a unit below the top, the unit one level up. */
    public Optional<Scope> parentUnit() {
        if (!isUnit()) {
            return Optional.empty();
        }
        int slash = id.lastIndexOf('/');
        return slash < UNIT_PREFIX.length() ? Optional.empty() : Optional.of(new Scope(id.substring(0, slash)));
    }

    @Override
    public int compareTo(Scope other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
