package ca.calgary.representation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import ca.calgary.representation.platform.LocalPlatform;
import ca.calgary.representation.platform.LocalPlatformConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Accepted events per second through the hiring service's HTTP API, for batched JSON (NDJSON) and for CSV files,
 * on a real Kafka broker and registry started for the run. Every request is answered only after its Kafka
 * transaction committed (acks=all), so the figure is end-to-end durable throughput.
 *
 * <p>Arguments: {@code [events per mode (default 100000)] [events per request (default 1000)] [concurrent clients
 * (default 4)]}.
 */
public final class IngestBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perRequest = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path data = Files.createTempDirectory("ingest-benchmark-");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(key).substring(0, 16);

        try (LocalPlatform platform = LocalPlatform.start(LocalPlatformConfig.withFreePorts(data));
             ConfigurableApplicationContext service = new SpringApplicationBuilder(IngestApplication.class).run(
                     "--server.port=0",
                     "--spring.kafka.bootstrap-servers=" + platform.bootstrapServers(),
                     "--spring.kafka.properties.schema.registry.url=" + platform.registryUrl(),
                     "--representation.pseudonymization.key=" + Base64.getEncoder().encodeToString(key),
                     "--representation.ingest.max-batch-events=" + Math.max(perRequest, 10_000),
                     "--representation.security.users[0].name=bench",
                     "--representation.security.users[0].password={noop}" + password,
                     "--representation.security.users[0].roles[0]=HR_PUBLISHER")) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            Client client = new Client(port, "bench:" + password);
            client.awaitReady();
            System.out.printf("Ingest benchmark: %,d events per mode, %,d per request, %d concurrent clients, %d cores%n",
                    events, perRequest, clients, Runtime.getRuntime().availableProcessors());

            // Warm-up: JIT, producer pool, registry caches; not measured.
            run(client, "application/x-ndjson", "/v1/events/batch", Math.min(events / 10, 20_000), perRequest,
                    clients, start -> ndjson("warm", start, perRequest));

            double json = run(client, "application/x-ndjson", "/v1/events/batch", events, perRequest, clients,
                    start -> ndjson("json", start, perRequest));
            System.out.printf("batched JSON (NDJSON): %,.0f accepted events/s%n", json);
            double csv = run(client, "text/csv", "/v1/events/EmployeeHired/csv", events, perRequest, clients,
                    start -> csv("csv", start, perRequest));
            System.out.printf("CSV files:             %,.0f accepted events/s%n", csv);
        }
    }

    private static double run(Client client, String contentType, String path, int events, int perRequest, int clients,
                              IntFunction<String> body) throws Exception {
        int requests = Math.max(1, events / perRequest);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int r = next.getAndIncrement(); r < requests; r = next.getAndIncrement()) {
                    accepted.addAndGet(client.post(path, contentType, body.apply(r * perRequest)));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        if (accepted.get() != requests * perRequest) {
            throw new IllegalStateException("accepted " + accepted.get() + " of " + requests * perRequest);
        }
        return accepted.get() / seconds;
    }

    private static String ndjson(String run, int start, int count) {
        StringBuilder body = new StringBuilder(count * 330);
        for (int i = start; i < start + count; i++) {
            body.append("{\"type\":\"EmployeeHired\",\"eventId\":\"").append(run).append('-').append(i)
                    .append("\",\"employeeId\":\"E").append(run).append(i)
                    .append("\",\"effectiveDate\":\"2024-01-15\",\"recordedAt\":\"2024-01-15T09:00:00Z\","
                            + "\"source\":\"bench\",\"position\":{\"jobCode\":\"POL-FRO\",\"jobTitle\":\"Constable\","
                            + "\"level\":\"FRONTLINE\",\"orgUnitPath\":\"City/Public Safety/Calgary Police Service/"
                            + "Patrol\",\"serviceLine\":\"POLICE\"}}\n");
        }
        return body.toString();
    }

    private static String csv(String run, int start, int count) {
        StringBuilder body = new StringBuilder(count * 160);
        body.append("eventId,employeeId,effectiveDate,recordedAt,source,jobCode,jobTitle,level,orgUnitPath,serviceLine\r\n");
        for (int i = start; i < start + count; i++) {
            body.append(run).append('-').append(i).append(",E").append(run).append(i)
                    .append(",2024-01-15,2024-01-15T09:00:00Z,bench,POL-FRO,Constable,FRONTLINE,"
                            + "City/Public Safety/Calgary Police Service/Patrol,POLICE\r\n");
        }
        return body.toString();
    }

    /** The load generator's HTTP side: a service on this machine, with a user's basic credentials. */
    record Client(HttpClient http, String base, String authorization) {

        Client(int port, String credentials) {
            this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), "http://127.0.0.1:" + port,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()));
        }

        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (java.io.IOException notYet) {
                    // starting
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the service did not become ready");
        }

        /** The body of a GET answered 200, else null. */
        String get(String path) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        }

        int post(String path, String contentType, String body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", contentType)
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            String marker = "\"accepted\":";
            int at = response.body().indexOf(marker) + marker.length();
            return Integer.parseInt(response.body().substring(at, response.body().indexOf(',', at)));
        }
    }
}
