package ca.calgary.representation.alerts.delivery;

import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.Finding;

/** A way of telling a subscriber about a finding that changed, or about several findings at once (a digest). */
public interface Channel {

    /** WEBHOOK or EMAIL: part of the delivery key. */
    String name();

    /** Whether the subscription asked for this channel. */
    boolean wanted(AlertSubscription subscription);

    /** One try of a finding's change; throws with the reason when it did not get through. */
    void deliver(Finding finding, AlertSubscription subscription, String deliveryId) throws DeliveryException;

    /** One try of a digest; throws with the reason when it did not get through. */
    void deliver(Digest digest, AlertSubscription subscription, String deliveryId) throws DeliveryException;
}
