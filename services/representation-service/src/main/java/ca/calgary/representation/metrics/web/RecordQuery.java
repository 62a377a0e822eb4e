package ca.calgary.representation.metrics.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.metrics.core.Group;
import ca.calgary.representation.metrics.core.Period;
import ca.calgary.representation.metrics.core.Quarter;
import ca.calgary.representation.metrics.core.Tier;
import org.apache.avro.generic.GenericRecord;

/**
 * Which published records a reader asks for: fields that must equal a value, and a scope prefix. Every value is
 * checked against what the pipeline publishes, so a typo is a 400 naming the parameter, not an empty answer.
 */
final class RecordQuery {

    private final Map<String, String> equal = new LinkedHashMap<>();
    private String scopePrefix;

    RecordQuery scope(String scope, String prefix) {
        equal("scope", scope, Function.identity(), null);
        this.scopePrefix = prefix;
        return this;
    }

    RecordQuery tier(String tier) {
        return equal("tier", tier, Tier::valueOf, "one of " + Arrays.toString(Tier.values()));
    }

    RecordQuery group(String group) {
        return equal("group", group, Group::valueOf, "one of " + Arrays.toString(Group.values()));
    }

    RecordQuery period(String period) {
        return equal("period", period, Period::parse, "a quarter (2024-Q1) or rolling 12 months (R12M-2024-Q1)");
    }

    RecordQuery periodKind(String kind) {
        return equal("periodKind", kind, Period.Kind::valueOf, "one of " + Arrays.toString(Period.Kind.values()));
    }

    RecordQuery quarter(String quarter) {
        return equal("quarter", quarter, Quarter::parse, "a quarter such as 2024-Q1");
    }

    RecordQuery competitionId(String competitionId) {
        return equal("competitionId", competitionId, Function.identity(), null);
    }

    private RecordQuery equal(String field, String value, Function<String, ?> check, String expected) {
        if (value == null) {
            return this;
        }
        try {
            check.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(field, field + " must be " + expected + ", not '" + value + "'");
        }
        equal.put(field, value);
        return this;
    }

    boolean matches(GenericRecord record) {
        Map<String, Object> fields = AvroViews.flatten(record);
        for (Map.Entry<String, String> condition : equal.entrySet()) {
            if (!condition.getValue().equals(Objects.toString(fields.get(condition.getKey()), null))) {
                return false;
            }
        }
        return scopePrefix == null || Objects.toString(fields.get("scope"), "").startsWith(scopePrefix);
    }
}
