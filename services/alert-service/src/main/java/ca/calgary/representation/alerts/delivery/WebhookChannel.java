package ca.calgary.representation.alerts.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ca.calgary.representation.alerts.AlertSubscription;
import ca.calgary.representation.alerts.Finding;
import ca.calgary.representation.streams.AvroViews;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook delivery: the finding (or digest) as JSON, POSTed to the subscriber's URL, signed with the
 * subscription's secret: {@code X-Alert-Signature: sha256=<hex HMAC-SHA256(secret, body)>}; {@code X-Alert-Delivery}
 * carries the delivery id, which stays the same across retries so a receiver can drop a repeat;
 * {@code X-Alert-Kind} says FINDING or DIGEST. Any 2xx answer is a delivery.
 */
public class WebhookChannel implements Channel {

    public static final String SIGNATURE_HEADER = "X-Alert-Signature";
    public static final String DELIVERY_HEADER = "X-Alert-Delivery";
    public static final String KIND_HEADER = "X-Alert-Kind";
    public static final String FINDING_KIND = "FINDING";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;
    private final Duration timeout;

    public WebhookChannel(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public boolean wanted(AlertSubscription subscription) {
        return subscription.getWebhookUrl() != null;
    }

    @Override
    public void deliver(Finding finding, AlertSubscription subscription, String deliveryId)
            throws DeliveryException {
        post(JSON.writeValueAsBytes(AvroViews.view(finding)), FINDING_KIND, subscription, deliveryId);
    }

    @Override
    public void deliver(Digest digest, AlertSubscription subscription, String deliveryId) throws DeliveryException {
        post(JSON.writeValueAsBytes(digest.view()), Digest.KIND, subscription, deliveryId);
    }

    private void post(byte[] body, String kind, AlertSubscription subscription, String deliveryId)
            throws DeliveryException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.getWebhookUrl()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(DELIVERY_HEADER, deliveryId)
                .header(KIND_HEADER, kind)
                .header(SIGNATURE_HEADER, "sha256=" + signature(subscription.getWebhookSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("the receiver answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot reach the receiver: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted", e);
        }
    }

    /** Hex HMAC-SHA256 of the body with the subscription's secret. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
