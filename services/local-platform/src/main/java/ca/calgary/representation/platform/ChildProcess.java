package ca.calgary.representation.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A JVM child process with its output in a log file, a readiness wait and a graceful stop. */
final class ChildProcess {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration READY_POLL = Duration.ofMillis(200);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <jvmArguments> <arguments>} with this JVM's Java, in {@code workingDirectory}, appending
     * stdout and stderr to {@code logFile}.
     */
    static ChildProcess startJava(String name, List<String> jvmArguments, List<String> arguments,
                                  Map<String, String> environment, Path workingDirectory, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + watchdogAgentJar() + "=" + ProcessHandle.current().pid());
        command.addAll(jvmArguments);
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            log.info("{} started (pid {}), log: {}", name, process.pid(), logFile);
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new PlatformStartException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short-lived Java tool to completion, failing with its output when it exits non-zero. */
    static void runJava(String name, List<String> jvmArguments, List<String> arguments, Path workingDirectory,
                        Path logFile, Duration timeout) {
        ChildProcess child = startJava(name, jvmArguments, arguments, Map.of(), workingDirectory, logFile);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.process.destroyForcibly();
                throw new PlatformStartException(name + " did not finish within " + timeout + child.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.process.destroyForcibly();
            throw new PlatformStartException(name + " was interrupted");
        }
        if (child.process.exitValue() != 0) {
            throw new PlatformStartException(name + " failed with exit code " + child.process.exitValue()
                    + child.logTail());
        }
    }

    /** Polls {@code ready} until it answers true; fails early, with the log's tail, if the process exits. */
    void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new PlatformStartException(name + " exited with code " + process.exitValue()
                        + " before it was ready" + logTail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(10));
                throw new PlatformStartException(name + " was not ready within " + timeout + logTail());
            }
            try {
                Thread.sleep(READY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(Duration.ofSeconds(10));
                throw new PlatformStartException("interrupted while waiting for " + name);
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** "exit code N" once the process has ended, else "running". */
    String exit() {
        return process.isAlive() ? "running" : "exit code " + process.exitValue();
    }

    /** Asks the process to shut down (SIGTERM, so its shutdown hooks run), then forces it after the grace time. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}: killing it", name, grace);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("{} stopped", name);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - 30), lines.size());
            return "\n--- last lines of " + logFile + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return " (no log at " + logFile + ")";
        }
    }

    private static volatile Path watchdogAgentJar;

    /** Packs {@link ParentWatchdogAgent} into a tiny agent jar once per JVM. */
    private static synchronized Path watchdogAgentJar() {
        if (watchdogAgentJar != null) {
            return watchdogAgentJar;
        }
        String classFile = ParentWatchdogAgent.class.getName().replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdogAgent.class.getName());
        try {
            Path jar = Files.createTempFile("parent-watchdog-agent", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file, manifest);
                 InputStream classBytes = ChildProcess.class.getClassLoader().getResourceAsStream(classFile)) {
                if (classBytes == null) {
                    throw new IllegalStateException(classFile + " not found on the classpath");
                }
                out.putNextEntry(new JarEntry(classFile));
                classBytes.transferTo(out);
                out.closeEntry();
            }
            watchdogAgentJar = jar;
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the watchdog agent jar", e);
        }
    }
}
