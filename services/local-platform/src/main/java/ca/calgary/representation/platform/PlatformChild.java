package ca.calgary.representation.platform;

/** A child process of the local platform (the broker, the registry) as its supervisor sees it. */
interface PlatformChild extends AutoCloseable {

    boolean isAlive();

    /** The operating system's process. */
    ProcessHandle process();

    /** How it ended, for the log ("exit code 137"), once it is no longer alive. */
    String exit();

    /** Stops it gracefully. */
    @Override
    void close();
}
