package org.trainingsuite.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import redis.embedded.RedisServer;

/**
 * A real Redis for the shared rate limit tests, never a stand-in: the redis-server that embedded-redis ships
 * in its jar, started on a free port; where that binary does not run, the Redis named by {@code TEST_REDIS_URL};
 * else one answering on 127.0.0.1:6379. With none of them the calling test is skipped, saying so.
 */
final class TestRedis implements AutoCloseable {

    private final String url;
    private final RedisServer embedded;

    private TestRedis(String url, RedisServer embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    static TestRedis start() {
        try {
            return embeddedOn(freePort());
        } catch (IOException | RuntimeException notHere) {
            String named = System.getenv("TEST_REDIS_URL");
            if (named != null && !named.isBlank()) {
                return new TestRedis(named.trim(), null);
            }
            if (answersPing("127.0.0.1", 6379)) {
                return new TestRedis("redis://127.0.0.1:6379", null);
            }
            Assumptions.abort("No Redis to test against: embedded-redis did not start (" + notHere
                    + "), TEST_REDIS_URL is not set and nothing answers on 127.0.0.1:6379");
            throw new AssertionError("not reached");
        }
    }

    /** The embedded server on {@code port}; fails where its binary does not run. */
    static TestRedis embeddedOn(int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                // nothing to keep: no snapshot files in the working directory
                .setting("save \"\"")
                .setting("appendonly no")
                .onShutdownForceStop(true)
                .build();
        server.start();
        return new TestRedis("redis://127.0.0.1:" + port, server);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code spring.data.redis.url}. */
    String url() {
        return url;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.stop();
        }
    }

    private static boolean answersPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
