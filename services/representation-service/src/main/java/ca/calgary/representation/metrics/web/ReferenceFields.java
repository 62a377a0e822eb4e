package ca.calgary.representation.metrics.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Scope;
import ca.calgary.representation.metrics.core.Tier;

/** The fields reference data shares (scope, tier, group), checked with an error that names the field and why. */
final class ReferenceFields {

    private final String kind;
    private final boolean workingGroups;

    /**
     * @param kind          what is being changed, for the problem's type: {@code benchmark} or {@code goal}
     * @param workingGroups whether it may be set for a {@code WORKING_GROUP:<id>} scope (a benchmark may; a goal's
     *                      projection needs flows over levels, which working groups do not have)
     */
    ReferenceFields(String kind, boolean workingGroups) {
        this.kind = kind;
        this.workingGroups = workingGroups;
    }

    InvalidReferenceDataException invalid(String field, String message) {
        return new InvalidReferenceDataException(kind, field, message);
    }

    Scope scope(String id) {
        boolean known = id != null && (id.equals("ORG") || id.equals("PUBLIC_SAFETY")
                || id.startsWith("SERVICE_LINE:") || id.startsWith("UNIT:")
                || workingGroups && id.startsWith("WORKING_GROUP:"));
        if (!known || id.indexOf('|') >= 0) {
            throw invalid("scope", "scope must be ORG, PUBLIC_SAFETY, SERVICE_LINE:<code>, UNIT:<path>"
                    + (workingGroups ? " or WORKING_GROUP:<id>" : " (a working group has no goals: its projection "
                    + "would need flows over levels)") + ", got " + (id == null ? "none" : "'" + id + "'"));
        }
        return new Scope(id);
    }

    Group group(String name, Collection<Group> allowed) {
        return constant("group", name, Group.class, allowed);
    }

    Tier tier(String name) {
        return constant("tier", name, Tier.class, Arrays.asList(Tier.values()));
    }

    private <E extends Enum<E>> E constant(String field, String name, Class<E> type, Collection<E> allowed) {
        List<String> names = allowed.stream().map(Enum::name).toList();
        if (name == null) {
            throw invalid(field, field + " is required; expected one of " + names);
        }
        try {
            E value = Enum.valueOf(type, name);
            if (allowed.contains(value)) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw invalid(field, "unknown " + field + " '" + name + "'; expected one of " + names);
    }
}
