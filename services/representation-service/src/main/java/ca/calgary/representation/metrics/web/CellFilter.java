package ca.calgary.representation.metrics.web;

/** Which cells a reader asks for: any of the parts may be null (no restriction). */
record CellFilter(String scope, String scopePrefix, String tier, String group) {

    boolean matches(String cellScope, String cellTier, String cellGroup) {
        return (scope == null || cellScope.equals(scope))
                && (scopePrefix == null || cellScope.startsWith(scopePrefix))
                && (tier == null || cellTier.equals(tier))
                && (group == null || cellGroup.equals(group));
    }
}
