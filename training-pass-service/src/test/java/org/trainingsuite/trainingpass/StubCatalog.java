package org.trainingsuite.trainingpass;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** A stand-in for catalog-service's admin search on a real HTTP port; it answers a fixed page or drops the connection. */
final class StubCatalog {

    private static final HttpServer SERVER;
    static final AtomicReference<String> PAGE = new AtomicReference<>("{\"items\": [], \"page\": 0, \"size\": 20, \"totalItems\": 0, \"totalPages\": 0}");
    static final AtomicReference<Boolean> DOWN = new AtomicReference<>(false);
    static final AtomicReference<String> LAST_QUERY = new AtomicReference<>();
    static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();

    static {
        try {
            SERVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SERVER.createContext("/programs", exchange -> {
            LAST_QUERY.set(exchange.getRequestURI().getRawQuery());
            LAST_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
            if (DOWN.get()) {
                exchange.close();
                return;
            }
            byte[] bytes = PAGE.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        SERVER.start();
    }

    private StubCatalog() {
    }

    static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort();
    }
}
