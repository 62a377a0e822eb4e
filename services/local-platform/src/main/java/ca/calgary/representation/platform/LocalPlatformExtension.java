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
 * their constructor, lifecycle or test methods, or call {@link #platform()} (e.g. from a Spring
 * {@code @DynamicPropertySource}, which runs after the extension's {@code beforeAll}).
 */
public final class LocalPlatformExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalPlatformExtension.class);
    private static SharedPlatform shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store lives as long as the test JVM's launcher session and closes what it holds at its end.
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedPlatform.class, key -> startShared(), SharedPlatform.class);
    }

    /** The JVM's shared platform; started by {@link #beforeAll} of any class using the extension. */
    public static synchronized LocalPlatform platform() {
        if (shared == null) {
            throw new IllegalStateException("no shared platform yet: annotate the test class with "
                    + "@ExtendWith(LocalPlatformExtension.class)");
        }
        return shared.platform();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        beforeAll(context);
        return platform();
    }

    private static synchronized SharedPlatform startShared() {
        if (shared == null) {
            shared = SharedPlatform.start();
        }
        return shared;
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
            synchronized (LocalPlatformExtension.class) {
                shared = null;
            }
            platform.close();
            LocalPlatformMain.deleteRecursively(dataDirectory);
        }
    }
}
