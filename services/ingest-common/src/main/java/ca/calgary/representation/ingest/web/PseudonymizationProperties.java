package ca.calgary.representation.ingest.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ca.calgary.representation.ingest.core.Pseudonymizer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pseudonymization secret ({@code representation.pseudonymization.*}): base64 text of at least 32 random bytes,
 * given inline ({@code key}, e.g. from an environment variable) or in a file ({@code key-file}, e.g. a mounted
 * secret). Every ingest service must use the same key. Without one the service refuses to start.
 */
@ConfigurationProperties("representation.pseudonymization")
public record PseudonymizationProperties(String key, Path keyFile) {

    Pseudonymizer pseudonymizer() {
        if (key != null && !key.isBlank() && keyFile != null) {
            throw new IllegalStateException("set one of representation.pseudonymization.key and "
                    + "representation.pseudonymization.key-file, not both");
        }
        String encoded;
        if (key != null && !key.isBlank()) {
            encoded = key;
        } else if (keyFile != null) {
            try {
                encoded = Files.readString(keyFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the pseudonymization key file " + keyFile + ": " + e, e);
            }
        } else {
            throw new IllegalStateException("no pseudonymization key: set representation.pseudonymization.key "
                    + "(REPRESENTATION_PSEUDONYMIZATION_KEY) or representation.pseudonymization.key-file to base64 text "
                    + "of at least 32 random bytes (e.g. `openssl rand -base64 32`), the same for every ingest service. "
                    + "Employee ids must not enter Kafka in the clear, so the service does not start without it.");
        }
        try {
            return Pseudonymizer.fromEncodedKey(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid pseudonymization key: " + e.getMessage(), e);
        }
    }
}
