package ca.calgary.representation.alerts.delivery;

/** One try of a delivery failed; the message is the reason recorded if it was the last. */
public class DeliveryException extends Exception {

    public DeliveryException(String reason) {
        super(reason);
    }

    public DeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
