package ca.calgary.representation.platform;

/** The platform could not start; the message says which component failed and why. */
public class PlatformStartException extends RuntimeException {

    public PlatformStartException(String message) {
        super(message);
    }

    public PlatformStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
