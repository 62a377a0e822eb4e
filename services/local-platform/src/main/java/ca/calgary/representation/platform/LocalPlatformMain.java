package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Command-line launcher: starts the local platform, prints where it listens, and runs until Ctrl-C (or SIGTERM),
 * then stops both processes cleanly. Data is kept between runs unless {@code --fresh} is given.
 */
public final class LocalPlatformMain {

    static final String USAGE = """
            usage: local-platform [--data-dir DIR] [--kafka-port N] [--controller-port N] [--registry-port N] [--fresh]
              --data-dir DIR       where Kafka and the registry keep their data (default .data/local-platform)
              --kafka-port N       Kafka client listener (default 9092)
              --controller-port N  KRaft controller listener (default 9093)
              --registry-port N    registry HTTP port (default 8081)
              --fresh              delete the data directory first and start empty""";

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        // The launcher logs through slf4j-simple; the readiness probe's Kafka client need not narrate its retries.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.fresh()) {
            deleteRecursively(options.config().dataDirectory());
        }
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options.config());
        } catch (PlatformStartException e) {
            System.err.println("local platform failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local platform ...");
            platform.close();
            stopped.countDown();
        }, "local-platform-shutdown"));
        System.out.printf("""

                Local platform is up.
                  Kafka bootstrap.servers   %s
                  schema.registry.url       %s
                  data directory            %s (kept between runs; --fresh starts empty)
                  logs                      %s
                Press Ctrl-C to stop.
                %n""", platform.bootstrapServers(), platform.registryUrl(),
                options.config().dataDirectory().toAbsolutePath(),
                options.config().dataDirectory().resolve("logs").toAbsolutePath());
        stopped.await();
    }

    record Options(LocalPlatformConfig config, boolean fresh) {

        static Options parse(String[] args) {
            Path dataDirectory = Path.of(".data", "local-platform");
            int kafkaPort = LocalPlatformConfig.DEFAULT_KAFKA_PORT;
            int controllerPort = LocalPlatformConfig.DEFAULT_CONTROLLER_PORT;
            int registryPort = LocalPlatformConfig.DEFAULT_REGISTRY_PORT;
            boolean fresh = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, arg));
                    case "--kafka-port" -> kafkaPort = port(value(args, ++i, arg), arg);
                    case "--controller-port" -> controllerPort = port(value(args, ++i, arg), arg);
                    case "--registry-port" -> registryPort = port(value(args, ++i, arg), arg);
                    case "--fresh" -> fresh = true;
                    default -> throw new IllegalArgumentException("unknown option: " + arg);
                }
            }
            return new Options(new LocalPlatformConfig(dataDirectory, LocalPlatformConfig.LOOPBACK, kafkaPort,
                    controllerPort, registryPort), fresh);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int port(String value, String option) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a port number, got '" + value + "'");
            }
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + path, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
