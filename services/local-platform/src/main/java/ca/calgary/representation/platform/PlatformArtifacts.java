package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build put the broker's jars and the unpacked registry (written into local-platform.properties by
 * Maven), so the platform runs exactly what the project's own build resolved from Maven Central.
 */
record PlatformArtifacts(String brokerClasspath, Path registryRunnerJar) {

    private static final String RESOURCE = "/local-platform.properties";

    static PlatformArtifacts load() {
        Properties properties = new Properties();
        try (InputStream in = PlatformArtifacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the local-platform module with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String classpath = required(properties, "broker.classpath");
        Path registryDirectory = Path.of(required(properties, "registry.directory"));
        Path runner = registryDirectory.resolve(
                "apicurio-registry-app-" + required(properties, "registry.version") + "-runner.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException("Apicurio Registry is not unpacked at " + runner
                    + ": run `mvn -pl services/local-platform generate-resources` (or any build of the project)");
        }
        return new PlatformArtifacts(classpath, runner);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("@")) {
            throw new IllegalStateException(key + " was not filled in by the build (" + RESOURCE + ")");
        }
        return value.trim();
    }
}
