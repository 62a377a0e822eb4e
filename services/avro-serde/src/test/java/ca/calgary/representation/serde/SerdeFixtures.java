package ca.calgary.representation.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import ca.calgary.representation.serde.testing.Greeting;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

final class SerdeFixtures {

    static final String TOPIC = "greetings";

    private SerdeFixtures() {
    }

    static Map<String, Object> settings(String registryUrl, Object... keyValues) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(AvroSerdeConfig.RETRIES_WAIT_MS, 10L);
        settings.put(AvroSerdeConfig.RETRIES_MAX_WAIT_MS, 40L);
        settings.put(AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, 2000);
        settings.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 5000);
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put((String) keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    static AvroSerializer serializer(Map<String, Object> settings) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(settings, false);
        return serializer;
    }

    static AvroDeserializer deserializer(Map<String, Object> settings) {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(settings, false);
        return deserializer;
    }

    static Greeting greeting() {
        return Greeting.newBuilder()
                .setId("g-1")
                .setText("Oki, Tansi, Aaniin")
                .setSentOn(LocalDate.of(2025, 6, 21))
                .setLanguage("bla")
                .build();
    }

    static Schema greetingV1Schema() {
        try (InputStream in = SerdeFixtures.class.getResourceAsStream("/greeting-v1.avsc")) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenericRecord greetingV1() {
        GenericRecord record = new GenericData.Record(greetingV1Schema());
        record.put("id", "g-old");
        record.put("text", "written before 'language' existed");
        record.put("sentOn", (int) LocalDate.of(2024, 1, 15).toEpochDay());
        return record;
    }
}
