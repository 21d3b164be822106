package org.trainingsuite.catalog;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for training-pass-service's {@code /me/access} on a real HTTP port: it grants, denies, or
 * drops the connection (a service that cannot answer), as the test says.
 */
final class StubTrainingPass {

    enum Mode { GRANT, DENY, DROP, HANG }

    private static final HttpServer SERVER;
    static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.GRANT);
    static final AtomicReference<String> PASS_ID = new AtomicReference<>("00000000-0000-0000-0000-000000000001");
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    static final AtomicInteger CALLS = new AtomicInteger();

    static {
        try {
            SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SERVER.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SERVER.createContext("/me/access", exchange -> {
            CALLS.incrementAndGet();
            LAST_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
            Mode mode = MODE.get();
            if (mode == Mode.DROP) {
                exchange.close();
                return;
            }
            if (mode == Mode.HANG) {
                try {
                    // a service that does not answer: hold the request longer than the client's read timeout
                    new java.util.concurrent.CountDownLatch(1).await(6, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            String body = mode == Mode.GRANT
                    ? "{\"granted\": true, \"passId\": \"" + PASS_ID.get() + "\", \"passTypeId\": \"" + PASS_ID.get()
                            + "\", \"expiresOn\": \"2027-01-01\", \"reason\": \"active pass\"}"
                    : "{\"granted\": false, \"passId\": null, \"passTypeId\": null, \"expiresOn\": null, \"reason\": \"no active pass\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        SERVER.start();
    }

    private StubTrainingPass() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }
}
