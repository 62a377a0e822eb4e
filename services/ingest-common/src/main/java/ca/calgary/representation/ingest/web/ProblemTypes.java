package ca.calgary.representation.ingest.web;

import java.net.URI;

import ca.calgary.representation.web.ServiceSecurity;

/** The {@code type} URIs of this API's problem details; each is documented in the services' README. */
public final class ProblemTypes {

    public static final String INVALID_EVENTS = "invalid-events";
    public static final String MALFORMED_BODY = "malformed-body";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String EVENT_ID_CONFLICT = "event-id-conflict";
    public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
    public static final String UNKNOWN_EVENT_TYPE = "unknown-event-type";
    public static final String EVENT_LOG_UNAVAILABLE = "event-log-unavailable";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";


    private ProblemTypes() {
    }

    public static URI uri(String type) {
        return URI.create(ServiceSecurity.PROBLEM_TYPES + type);
    }
}
