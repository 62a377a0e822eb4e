package ca.calgary.representation.platform;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * Java agent loaded into each child process: when the launching JVM disappears without stopping its children
 * (killed, crashed, a test fork timed out), the child exits through its normal shutdown hooks instead of holding
 * ports and data directories as an orphan.
 */
public final class ParentWatchdogAgent {

    private ParentWatchdogAgent() {
    }

    public static void premain(String parentPid) {
        start(parentPid);
    }

    public static void premain(String parentPid, Instrumentation ignored) {
        start(parentPid);
    }

    private static void start(String parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.trim()));
        if (parent.isEmpty()) {
            System.exit(0);
        }
        Thread watchdog = new Thread(() -> {
            while (true) {
                if (!parent.get().isAlive()) {
                    System.err.println("parent process " + parentPid + " is gone: shutting down");
                    System.exit(0);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
