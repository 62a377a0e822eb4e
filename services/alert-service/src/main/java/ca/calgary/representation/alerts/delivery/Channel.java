package ca.calgary.representation.alerts.delivery;

import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.AlertTransition;

/** A way of telling a subscriber about a transition, or about what is open (a digest). */
public interface Channel {

    /** WEBHOOK or EMAIL: part of the delivery key. */
    String name();

    /** Whether the subscription asked for this channel. */
    boolean wanted(AlertSubscription subscription);

    /** One try; throws with the reason when it did not get through. */
    void deliver(AlertTransition transition, AlertSubscription subscription, String deliveryId)
            throws DeliveryException;

    /** One try of a digest; throws with the reason when it did not get through. */
    void deliver(Digest digest, AlertSubscription subscription, String deliveryId) throws DeliveryException;
}
