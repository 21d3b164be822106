package org.trainingsuite.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a service behind the gateway: a real HTTP server on a free port that records what
 * reaches it. Answers by path: {@code /slow} only after {@link #releaseSlowCalls()} (or 30 s),
 * {@code /unavailable} 503, {@code /broken} 500, {@code /missing} 404 with a problem body,
 * {@code /drop} closes the connection without answering, and any other path 200 with a small JSON
 * body. Records how many body bytes arrived (-1: the body broke off).
 */
final class StubService implements AutoCloseable {

    static final String MISSING_BODY = "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"no person p-404\"}";

    /** One request as the service saw it. */
    record Hit(String method, String path, String authorization, String forwardedPrefix, long bodyLength) {
    }

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch slowCalls = new CountDownLatch(1);

    StubService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    /** A base URL on which nothing listens: connections are refused. */
    static String closedPortUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    long hitsOn(String method, String path) {
        return hits.stream().filter(hit -> hit.method().equals(method) && hit.path().equals(path)).count();
    }

    /** Forgets the recorded requests and lets calls to /slow hang again. */
    void reset() {
        releaseSlowCalls();
        hits.clear();
        slowCalls = new CountDownLatch(1);
    }

    void releaseSlowCalls() {
        slowCalls.countDown();
    }

    @Override
    public void close() {
        releaseSlowCalls();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        long bodyLength;
        try {
            bodyLength = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        } catch (IOException brokenOff) {
            // still a request that reached the service, which is what the body limit tests look for
            bodyLength = -1;
        }
        hits.add(new Hit(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Forwarded-Prefix"), bodyLength));
        if (bodyLength < 0) {
            exchange.close();
            return;
        }
        switch (path) {
            case "/slow" -> {
                awaitRelease();
                respond(exchange, 200, "application/json", "{\"slow\":true}");
            }
            case "/drop" -> exchange.close();
            case "/unavailable" -> respond(exchange, 503, "application/json", "{\"busy\":true}");
            case "/broken" -> respond(exchange, 500, "application/json", "{\"broken\":true}");
            case "/missing" -> respond(exchange, 404, "application/problem+json", MISSING_BODY);
            case "/created" -> {
                exchange.getResponseHeaders().add("Location", "/people/42");
                respond(exchange, 201, "application/json", "{\"id\":\"42\"}");
            }
            default -> respond(exchange, 200, "application/json", "{\"path\":\"" + path + "\"}");
        }
    }

    private void awaitRelease() {
        try {
            slowCalls.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // The gateway gave up on this call (timeout) and closed the connection.
        }
    }
}
