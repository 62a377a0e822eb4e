package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving integration tests one real local platform per test JVM: started on first use, on free
 * ports and a temporary data directory, and stopped (directory deleted) when the JVM's tests are done. Test
 * classes annotated {@code @ExtendWith(LocalPlatformExtension.class)} take a {@link LocalPlatform} parameter in
 * their constructor, lifecycle or test methods.
 */
public final class LocalPlatformExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalPlatformExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        platform(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return platform(context);
    }

    private static LocalPlatform platform(ExtensionContext context) {
        // The root store lives as long as the test JVM's launcher session, so every test class shares one platform.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedPlatform.class, key -> SharedPlatform.start(), SharedPlatform.class)
                .platform();
    }

    private record SharedPlatform(LocalPlatform platform, Path dataDirectory) implements AutoCloseable {

        static SharedPlatform start() {
            try {
                Path dataDirectory = Files.createTempDirectory("representation-monitor-platform-");
                return new SharedPlatform(LocalPlatform.start(LocalPlatformConfig.withFreePorts(dataDirectory)),
                        dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            platform.close();
            LocalPlatformMain.deleteRecursively(dataDirectory);
        }
    }
}
