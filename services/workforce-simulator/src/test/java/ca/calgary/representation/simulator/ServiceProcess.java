package ca.calgary.representation.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ca.calgary.representation.ingest.web.Http;

/**
 * A service in a JVM of its own (this test's class path), so that killing it is a real crash: SIGKILL, no close, no
 * commit, no flush. Its output goes to a log file beside the test reports.
 */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code main} with {@code arguments} (any {@code --server.port} is replaced) and waits until it is ready. */
    static ServiceProcess start(String name, Class<?> main, List<String> arguments) throws IOException {
        return start(name, main, arguments, freePort());
    }

    /** Starts it on {@code port} (a restarted service on its old port, as an orchestrator restarts it). */
    static ServiceProcess start(String name, Class<?> main, List<String> arguments, int port) throws IOException {
        Path log = Path.of("target", "service-logs", name + "-" + System.currentTimeMillis() + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx768m", "-cp", System.getProperty("java.class.path"), main.getName()));
        arguments.stream().filter(argument -> !argument.startsWith("--server.port=")).forEach(command::add);
        command.add("--server.port=" + port);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(name, process, port, log);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    private void awaitReady(Duration atMost) {
        long giveUp = System.nanoTime() + atMost.toNanos();
        Http http = http();
        while (System.nanoTime() < giveUp) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                if (http.get("/actuator/health/readiness", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(Duration.ofMillis(250));
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + atMost + "; log: " + log);
    }

    int port() {
        return port;
    }

    Http http() {
        return new Http(port);
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
