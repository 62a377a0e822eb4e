package ca.calgary.representation.serde;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Confluent Schema Registry REST API (served by Confluent's registry and by Apicurio's
 * {@code /apis/ccompat/v7}). Schema ids are immutable, so schemas by id and ids by (subject, schema) are cached for
 * good; the latest version of a subject is cached for {@code latest.cache.ttl.sec}. Transient failures (I/O errors,
 * 5xx, 429) are retried with exponential backoff across every configured URL, then reported; nothing fails silently.
 */
public final class SchemaRegistryClient {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> urls;
    private final Optional<String> authorization;
    private final int maxRetries;
    private final Duration retriesWait;
    private final Duration retriesMaxWait;
    private final Duration readTimeout;
    private final Optional<Duration> latestCacheTtl;
    private final HttpClient http;

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    private volatile int preferredUrl;

    public SchemaRegistryClient(AvroSerdeConfig config) {
        this.urls = config.registryUrls().stream().map(SchemaRegistryClient::withoutUserInfo).toList();
        this.authorization = config.userInfo().map(info ->
                "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        this.maxRetries = config.maxRetries();
        this.retriesWait = config.retriesWait();
        this.retriesMaxWait = config.retriesMaxWait();
        this.readTimeout = config.readTimeout();
        this.latestCacheTtl = config.latestCacheTtl();
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /**
     * Registers {@code schema} under {@code subject} (idempotent) and returns its id. When two clients register the
     * same new subject at once, a registry may refuse the second with 409 (Apicurio: "artifact already exists"); if
     * the schema is then found under the subject, the other registration won and its id is the answer. A 409 for a
     * schema that is not there (an incompatible one) stands.
     */
    public int register(String subject, Schema schema) {
        try {
            return idFor(subject, schema, "/subjects/" + encode(subject) + "/versions");
        } catch (SchemaRegistryException refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            try {
                return lookUp(subject, schema);
            } catch (SchemaRegistryException notThere) {
                throw refused;
            }
        }
    }

    /** The id of {@code schema} under {@code subject}, without registering it. */
    public int lookUp(String subject, Schema schema) {
        return idFor(subject, schema, "/subjects/" + encode(subject));
    }

    private int idFor(String subject, Schema schema, String path) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = call("POST", path, schemaBody(schema)).path("id").asInt(-1);
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The latest version registered under {@code subject}. */
    public RegisteredSchema latestVersion(String subject) {
        CachedLatest cached = latestBySubject.get(subject);
        if (cached != null && cached.isFresh(latestCacheTtl)) {
            return cached.schema();
        }
        JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
        Schema schema = parse(answer.path("schema").asText(), "subject " + subject);
        RegisteredSchema latest = new RegisteredSchema(subject, answer.path("id").asInt(-1),
                answer.path("version").asInt(-1), schema);
        schemasById.putIfAbsent(latest.id(), schema);
        latestBySubject.put(subject, new CachedLatest(latest, System.nanoTime()));
        return latest;
    }

    /** The schema with global id {@code id}. */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException("schema id " + id + " is a " + type + " schema, not Avro", 200, -1, null);
        }
        Schema schema = parse(answer.path("schema").asText(), "schema id " + id);
        schemasById.putIfAbsent(id, schema);
        return schema;
    }

    /** Sets the compatibility level (BACKWARD, FULL, ...) the registry enforces for new versions of a subject. */
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", "/config/" + encode(subject), body.toString());
    }

    /** The compatibility level set for {@code subject} itself, if any. */
    public Optional<String> compatibility(String subject) {
        try {
            JsonNode answer = call("GET", "/config/" + encode(subject), null);
            return Optional.of(answer.path("compatibilityLevel").asText(answer.path("compatibility").asText()));
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The subjects the registry knows. */
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        call("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    /**
     * Asks the registry once for its global configuration, without retries: for health checks, which must say
     * promptly whether the registry answers now.
     *
     * @throws SchemaRegistryException when no registry URL answers
     */
    public void ping() {
        call("GET", "/config", null, 0);
    }

    private JsonNode call(String method, String path, String body) {
        return call(method, path, body, maxRetries);
    }

    private JsonNode call(String method, String path, String body, int retries) {
        List<String> failures = new ArrayList<>();
        Duration wait = retriesWait;
        for (int attempt = 0; ; attempt++) {
            for (int i = 0; i < urls.size(); i++) {
                int index = (preferredUrl + i) % urls.size();
                URI uri = URI.create(urls.get(index) + path);
                try {
                    HttpResponse<String> response = http.send(request(method, uri, body),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        preferredUrl = index;
                        return JSON.readTree(response.body());
                    }
                    SchemaRegistryException error = errorFrom(method, uri, status, response.body());
                    if (!error.isUnavailable()) {
                        throw error;
                    }
                    failures.add(uri.getAuthority() + ": HTTP " + status);
                } catch (IOException e) {
                    failures.add(uri.getAuthority() + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException("interrupted during " + method + " " + path, 0, -1, e);
                }
            }
            if (attempt >= retries) {
                throw new SchemaRegistryException("schema registry unavailable: " + method + " " + path + " failed "
                        + (attempt + 1) + " time(s) on " + urls + ": " + failures, 0, -1, null);
            }
            log.warn("schema registry call {} {} failed ({}); retry {} of {} in {} ms", method, path,
                    failures.get(failures.size() - 1), attempt + 1, retries, wait.toMillis());
            sleep(wait);
            wait = min(wait.multipliedBy(2), retriesMaxWait);
        }
    }

    private HttpRequest request(String method, URI uri, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    private static SchemaRegistryException errorFrom(String method, URI uri, int status, String body) {
        int errorCode = -1;
        String message = body;
        try {
            JsonNode error = JSON.readTree(body);
            errorCode = error.path("error_code").asInt(-1);
            message = error.path("message").asText(body);
        } catch (IOException | RuntimeException notJson) {
            // keep the raw body as the message
        }
        return new SchemaRegistryException("schema registry answered " + status
                + (errorCode == -1 ? "" : " (error code " + errorCode + ")") + " to " + method + " "
                + uri.getPath() + ": " + message, status, errorCode, null);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException("the registry returned an unparsable Avro schema for " + what + ": "
                    + e.getMessage(), 200, -1, e);
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + Objects.requireNonNullElse(uri.getRawPath(), ""));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while waiting to retry", 0, -1, e);
        }
    }

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record CachedLatest(RegisteredSchema schema, long fetchedAtNanos) {
        boolean isFresh(Optional<Duration> ttl) {
            return ttl.map(limit -> System.nanoTime() - fetchedAtNanos < limit.toNanos()).orElse(true);
        }
    }
}
