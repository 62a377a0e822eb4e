package ca.calgary.representation.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;

/**
 * A small in-process registry speaking the Confluent REST API, for unit tests of the serde's wire behaviour and
 * failure handling (outages, unknown ids) that a real registry cannot be made to show on demand. The real registry
 * is exercised by the integration tests.
 */
public final class InMemoryRegistry implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<Integer, Schema> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new LinkedHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int failureStatus = 503;
    private int nextId;

    public InMemoryRegistry(int firstId) throws IOException {
        this.nextId = firstId;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized int add(String subject, Schema schema) {
        int id = nextId++;
        schemasById.put(id, schema);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    /** The next {@code count} requests are answered with {@code status} (a 5xx to simulate an outage). */
    void failNext(int count, int status) {
        failureStatus = status;
        failuresToServe.set(count);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            authorizations.add(authorization);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            respond(exchange, failureStatus, "{\"error_code\":" + failureStatus + "01,\"message\":\"overloaded\"}");
            return;
        }
        synchronized (this) {
            String[] parts = path.substring(1).split("/");
            if (method.equals("GET") && parts.length == 3 && parts[0].equals("schemas") && parts[1].equals("ids")) {
                Schema schema = schemasById.get(Integer.parseInt(parts[2]));
                if (schema == null) {
                    respond(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    respond(exchange, 200, JSON.createObjectNode().put("schema", schema.toString()).toString());
                }
            } else if (method.equals("POST") && parts.length == 3 && parts[2].equals("versions")) {
                Schema schema = new Schema.Parser().parse(JSON.readTree(body).path("schema").asText());
                Integer existing = find(parts[1], schema);
                int id = existing != null ? existing : add(parts[1], schema);
                respond(exchange, 200, "{\"id\":" + id + "}");
            } else if (method.equals("POST") && parts.length == 2 && parts[0].equals("subjects")) {
                Schema schema = new Schema.Parser().parse(JSON.readTree(body).path("schema").asText());
                Integer existing = find(parts[1], schema);
                if (existing == null) {
                    respond(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                } else {
                    respond(exchange, 200, JSON.createObjectNode().put("subject", parts[1]).put("id", existing)
                            .put("version", versionsBySubject.get(parts[1]).indexOf(existing) + 1)
                            .put("schema", schema.toString()).toString());
                }
            } else if (method.equals("GET") && parts.length == 4 && parts[3].equals("latest")) {
                List<Integer> versions = versionsBySubject.get(parts[1]);
                if (versions == null) {
                    respond(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
                } else {
                    int id = versions.get(versions.size() - 1);
                    ObjectNode answer = JSON.createObjectNode().put("subject", parts[1]).put("id", id)
                            .put("version", versions.size()).put("schema", schemasById.get(id).toString());
                    respond(exchange, 200, answer.toString());
                }
            } else {
                respond(exchange, 404, "{\"error_code\":404,\"message\":\"no route\"}");
            }
        }
    }

    private Integer find(String subject, Schema schema) {
        for (int id : versionsBySubject.getOrDefault(subject, List.of())) {
            if (schemasById.get(id).equals(schema)) {
                return id;
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
