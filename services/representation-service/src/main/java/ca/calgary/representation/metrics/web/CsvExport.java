package ca.calgary.representation.metrics.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ca.calgary.representation.streams.AvroViews;
import ca.calgary.representation.support.CsvWriter;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Published figures as CSV (RFC 4180): representation cells with the golden cases' columns first, then the other
 * figures; any other published record with its schema's fields as columns (nested records flattened, lists joined
 * with {@code ;}, each record of a list as {@code name=value} pairs: a goal's projection point reads
 * {@code date=2027-12-31 share=0.081 low=0.07 high=0.093 ...}).
 */
final class CsvExport {

    static final String HEADER = "scope,tier,group,headcount,count,suppressed,representation,benchmark,gapPoints,"
            + "representationOfRespondents,responseRate,representationIndex,expected,shortfall,pUnder,ci95Low,ci95High,"
            + "benchmarkSource,benchmarkYear,activeMentees,asOf";

    private CsvExport() {
    }

    static String csv(List<CellView> cells) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (CellView c : cells) {
            csv.append(CsvWriter.row(Arrays.asList(c.scope(), c.tier(), c.group(), c.headcount(), c.count(),
                    c.suppressed(), fixed(c.representation(), 4), fixed(c.benchmark(), 4), fixed(c.gapPoints(), 2),
                    fixed(c.representationOfRespondents(), 4), fixed(c.responseRate(), 4),
                    fixed(c.representationIndex(), 4), fixed(c.expected(), 2), c.shortfall(), c.pUnder(),
                    fixed(c.ci95Low(), 4), fixed(c.ci95High(), 4), c.benchmarkSource(), c.benchmarkYear(),
                    c.activeMentees(), c.asOf())));
        }
        return csv.toString();
    }

    static String csv(Schema schema, List<? extends GenericRecord> records) {
        StringBuilder csv = new StringBuilder(String.join(",", AvroViews.columns(schema))).append("\r\n");
        for (GenericRecord record : records) {
            csv.append(CsvWriter.row(AvroViews.flatten(record).values().stream().map(CsvExport::listed).toList()));
        }
        return csv.toString();
    }

    /** A list of records as one {@code name=value} text per record (their Avro JSON would not read as a table cell). */
    private static Object listed(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof GenericRecord) {
            return list.stream().map(item -> AvroViews.flatten((GenericRecord) item).entrySet().stream()
                    .map(field -> field.getKey() + "=" + field.getValue()).collect(Collectors.joining(" "))).toList();
        }
        return value;
    }

    private static String fixed(Double value, int decimals) {
        return value == null ? null : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
