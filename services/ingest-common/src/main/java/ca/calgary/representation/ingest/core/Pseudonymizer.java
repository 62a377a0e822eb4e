package ca.calgary.representation.ingest.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the HR employeeId into employeeKey = base64url(HMAC-SHA256(key, employeeId)), unpadded (SPEC §2), so one
 * employee has one key on every topic while the id itself never enters Kafka. Without the secret the key cannot be
 * linked back to an id, even by trying every plausible id. eventIds are pseudonymised the same way under their own
 * domain prefix ({@link #eventKey}), because HR systems often build them from the employeeId ({@code E1234-hire}).
 */
public final class Pseudonymizer {

    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    /** Prefixed to an eventId, so an eventId equal to some employeeId never yields that employee's key. */
    public static final String EVENT_ID_DOMAIN = "representation-monitor/event-id\u0000";
    private static final byte[] EVENT_ID_DOMAIN_BYTES = EVENT_ID_DOMAIN.getBytes(StandardCharsets.UTF_8);
    private static final byte[] REQUEST_KEY_DOMAIN = "representation-monitor/idempotency-key\u0000"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINGERPRINT_DOMAIN = "representation-monitor/event-fingerprint\u0000"
            .getBytes(StandardCharsets.UTF_8);

    private final ThreadLocal<Mac> mac;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonymization key must be at least " + MIN_KEY_BYTES
                    + " bytes (256 bits)" + (key == null ? "" : "; got " + key.length));
        }
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac instance = Mac.getInstance(ALGORITHM);
                instance.init(spec);
                return instance;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
            }
        });
    }

    /** Reads a key written as base64 or base64url text (padding optional), as configuration and key files hold it. */
    public static Pseudonymizer fromEncodedKey(String encoded) {
        String text = encoded.strip();
        byte[] key;
        try {
            key = text.contains("+") || text.contains("/") ? Base64.getDecoder().decode(text)
                    : Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the pseudonymization key is not base64 text: " + e.getMessage());
        }
        return new Pseudonymizer(key);
    }

    public String employeeKey(String employeeId) {
        return encode(mac.get().doFinal(employeeId.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The eventId as it travels in Kafka: base64url(HMAC-SHA256(key, {@value #EVENT_ID_DOMAIN} + eventId)), unpadded.
     * Stable and unique as the pipeline needs (a repeat is still recognised), unlinkable to the HR system's id.
     */
    public String eventKey(String eventId) {
        return keyed(EVENT_ID_DOMAIN_BYTES, eventId);
    }

    /** A request's Idempotency-Key as the accepted-event ledger keeps it: callers may build it from their own ids. */
    public String requestKey(String idempotencyKey) {
        return keyed(REQUEST_KEY_DOMAIN, idempotencyKey);
    }

    /** A keyed digest of an event's content, to recognise a repeated eventId without storing what it said. */
    public String fingerprint(String content) {
        return keyed(FINGERPRINT_DOMAIN, content);
    }

    private String keyed(byte[] domain, String text) {
        Mac instance = mac.get();
        instance.update(domain);
        return encode(instance.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean sameFingerprint(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
