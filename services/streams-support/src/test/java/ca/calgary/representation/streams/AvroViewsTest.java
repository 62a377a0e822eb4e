package ca.calgary.representation.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroViewsTest {

    private static final Schema CELL = new Schema.Parser().parse("""
            {"type": "record", "name": "Cell", "fields": [{"name": "scope", "type": "string"}]}""");
    private static final Schema FINDING = new Schema.Parser().addTypes(Map.of("Cell", CELL)).parse("""
            {"type": "record", "name": "Finding", "fields": [
              {"name": "head", "type": "Cell"},
              {"name": "cells", "type": {"type": "array", "items": "Cell"}}]}""");

    @Test
    void nestedRecordsAndArraysOfThemBecomeObjectsAndLists() {
        GenericRecord finding = new GenericData.Record(FINDING);
        finding.put("head", cell("ORG"));
        finding.put("cells", List.of(cell("UNIT:City"), cell("UNIT:City/Fire")));

        assertThat(AvroViews.view(finding)).isEqualTo(Map.of("head", Map.of("scope", "ORG"),
                "cells", List.of(Map.of("scope", "UNIT:City"), Map.of("scope", "UNIT:City/Fire"))));
    }

    private static GenericRecord cell(String scope) {
        GenericRecord cell = new GenericData.Record(CELL);
        cell.put("scope", scope);
        return cell;
    }
}
