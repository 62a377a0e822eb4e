package ca.calgary.representation.streams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Published Avro records as the HTTP APIs show them: their fields in schema order, as JSON objects or CSV rows. */
public final class AvroViews {

    private AvroViews() {
    }

    /** The record's fields in schema order; a nested record becomes a nested object, an array of them a list. */
    public static Map<String, Object> view(GenericRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            view.put(field.name(), value(record.get(field.pos())));
        }
        return view;
    }

    private static Object value(Object value) {
        if (value instanceof GenericRecord nested) {
            return view(nested);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AvroViews::value).toList();
        }
        return value;
    }

    /** The record's fields in schema order with a nested record's fields in its place (for CSV and filters). */
    public static Map<String, Object> flatten(GenericRecord record) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value instanceof GenericRecord nested) {
                flat.putAll(flatten(nested));
            } else {
                flat.put(field.name(), value);
            }
        }
        return flat;
    }

    /** The column names {@link #flatten} gives for records of this schema. */
    public static List<String> columns(Schema schema) {
        List<String> columns = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (field.schema().getType() == Schema.Type.RECORD) {
                columns.addAll(columns(field.schema()));
            } else {
                columns.add(field.name());
            }
        }
        return columns;
    }
}
