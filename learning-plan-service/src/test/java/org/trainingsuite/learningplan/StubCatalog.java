package org.trainingsuite.learningplan;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for catalog-service's enrollment API on a real HTTP port, keeping enrollments as catalog does:
 * one live enrollment per person, program and session; the same booking from the same source answered with
 * the enrollment it made, any other with 409; cancel only what is live. {@link #DOWN} makes it drop every
 * connection (a catalog-service that cannot answer).
 */
final class StubCatalog {

    /** An enrollment as catalog-service keeps it. */
    record Enrollment(String id, String personId, String programId, String sessionId, String source, String sourceId,
                      String status) {

        Enrollment cancelled() {
            return new Enrollment(id, personId, programId, sessionId, source, sourceId, "CANCELLED");
        }
    }

    static final Map<String, Enrollment> ENROLLMENTS = new ConcurrentHashMap<>();
    static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    static final AtomicBoolean DOWN = new AtomicBoolean();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpServer SERVER;

    static {
        try {
            SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SERVER.setExecutor(Executors.newCachedThreadPool());
        SERVER.createContext("/enrollments", StubCatalog::handle);
        SERVER.start();
    }

    private StubCatalog() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }

    /** An enrollment made outside any plan (the person booked it directly). */
    static Enrollment enrollDirectly(String personId, String programId, String sessionId) {
        Enrollment e = new Enrollment(UUID.randomUUID().toString(), personId, programId, sessionId, "DIRECT", null, "ENROLLED");
        ENROLLMENTS.put(e.id(), e);
        return e;
    }

    static List<Enrollment> of(String personId) {
        return ENROLLMENTS.values().stream().filter(e -> e.personId().equals(personId)).toList();
    }

    private static synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (DOWN.get()) {
                return; // closes the connection without an answer
            }
            AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/enrollments")) {
                enroll(exchange, JSON.readTree(exchange.getRequestBody().readAllBytes()));
            } else if (method.equals("POST") && path.matches("/enrollments/[^/]+/cancel")) {
                Enrollment e = ENROLLMENTS.get(path.split("/")[2]);
                if (e == null) {
                    answer(exchange, 404, Map.of("detail", "no such enrollment"));
                } else if (!"ENROLLED".equals(e.status())) {
                    answer(exchange, 409, Map.of("detail", "enrollment is " + e.status()));
                } else {
                    ENROLLMENTS.put(e.id(), e.cancelled());
                    answer(exchange, 200, e.cancelled());
                }
            } else if (method.equals("GET") && path.equals("/enrollments")) {
                Map<String, String> query = Arrays.stream(exchange.getRequestURI().getRawQuery().split("&"))
                        .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0],
                                p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8), (a, b) -> b));
                List<Enrollment> items = of(query.get("personId"));
                answer(exchange, 200, Map.of("items", items, "page", 0, "size", 200, "totalItems", items.size(), "totalPages", 1));
            } else {
                answer(exchange, 404, Map.of("detail", "no route"));
            }
        }
    }

    private static void enroll(HttpExchange exchange, JsonNode body) throws IOException {
        Function<String, String> text = f -> body.get(f) == null || body.get(f).isNull() ? null : body.get(f).asString();
        String person = text.apply("personId");
        String program = text.apply("programId");
        String session = text.apply("sessionId");
        List<Enrollment> live = new ArrayList<>(of(person).stream().filter(e -> "ENROLLED".equals(e.status())
                && e.programId().equals(program) && Objects.equals(e.sessionId(), session)).toList());
        if (!live.isEmpty()) {
            Enrollment existing = live.getFirst();
            if (existing.source().equals(text.apply("source")) && Objects.equals(existing.sourceId(), text.apply("sourceId"))) {
                answer(exchange, 201, existing);
            } else {
                answer(exchange, 409, Map.of("detail", person + " is enrolled on this already (" + existing.source() + ")"));
            }
            return;
        }
        Enrollment e = new Enrollment(UUID.randomUUID().toString(), person, program, session, text.apply("source"),
                text.apply("sourceId"), "ENROLLED");
        ENROLLMENTS.put(e.id(), e);
        answer(exchange, 201, e);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
