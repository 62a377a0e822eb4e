package ca.calgary.representation.ingest.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: real requests to the running service. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PUBLISHER = "sap-hr:publisher-secret";
    public static final String LEADER = "leader:leader-secret";
    public static final String ADMIN = "admin:admin-secret";

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response post(String path, String contentType, String body, String credentials, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(request, credentials, headers);
    }

    public Response postBytes(String path, String contentType, byte[] body, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request, credentials);
    }

    public Response put(String path, String json, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(request, credentials);
    }

    public Response get(String path, String credentials) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), credentials);
    }

    /**
     * Waits until the service's {@code /v1/status} says it is caught up, as measured after {@code after}: every event
     * accepted before then is processed, published and readable. Returns that status.
     */
    public JsonNode awaitCaughtUp(String credentials, java.time.Instant after, java.time.Duration atMost) {
        long giveUp = System.nanoTime() + atMost.toNanos();
        Response status = null;
        while (System.nanoTime() < giveUp) {
            status = get("/v1/status", credentials);
            if (status.status() == 200 && status.json().path("caughtUp").asBoolean()
                    && java.time.Instant.parse(status.json().path("observedAt").asString()).isAfter(after)) {
                return status.json();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not caught up within " + atMost + ": " + (status == null ? "no answer"
                : status.status() + " " + status.body()));
    }

    public Response delete(String path, String credentials) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), credentials);
    }

    private Response send(HttpRequest.Builder request, String credentials, String... headers) {
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
