package ca.calgary.representation.alerts.core;

import java.util.Collection;
import java.util.Set;

/**
 * Which alerts a subscriber wants: a scope prefix, tiers, groups, rules (empty: any) and a minimum severity.
 */
public record SubscriptionFilter(String scopePrefix, Set<String> tiers, Set<String> groups, Set<Rule> rules,
                                 Severity minimumSeverity) {

    public SubscriptionFilter {
        tiers = Set.copyOf(tiers);
        groups = Set.copyOf(groups);
        rules = Set.copyOf(rules);
    }

    public boolean matches(AlertState alert) {
        return (scopePrefix == null || alert.scope().startsWith(scopePrefix))
                && (tiers.isEmpty() || tiers.contains(alert.tier()))
                && (groups.isEmpty() || groups.contains(alert.group()))
                && (rules.isEmpty() || rules.contains(alert.rule()))
                && alert.severity().compareTo(minimumSeverity) >= 0;
    }

    /** A finding matches when its head or a cell beneath it does. */
    public boolean matchesAny(Collection<AlertState> cells) {
        return cells.stream().anyMatch(this::matches);
    }
}
