package org.trainingsuite.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trainingsuite.gateway.GatewayApplication;
import org.trainingsuite.platform.test.TestTokens;

/**
 * Two gateways, as two replicas behind a load balancer, with {@code gateway.rate-limit.store=redis} and one real
 * Redis ({@link TestRedis}): a caller alternating between them gets one limit, not one per replica. Small
 * limits (a burst of 10, one more a second) make "one limit" and "two limits" far apart: 40 requests within
 * a few seconds pass about 10 times with one shared bucket, at least 20 times with two.
 */
class SharedRateLimitTests {

    private static final int BURST = 10;

    static TestRedis redis;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoGateways() {
        redis = TestRedis.start();
        first = gateway();
        second = gateway();
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] {first, second}) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    /** Arguments, not default properties: those would lose against application.yml. */
    private static ConfigurableApplicationContext gateway() {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
                        + TestTokens.publicKeyFile().toAbsolutePath(),
                "--platform.security.issuer=" + TestTokens.ISSUER,
                "--gateway.rate-limit.store=redis",
                "--spring.data.redis.url=" + redis.url(),
                "--gateway.rate-limit.anonymous.burst=" + BURST,
                "--gateway.rate-limit.anonymous.replenish-per-second=1",
                "--gateway.rate-limit.burst=" + BURST,
                "--gateway.rate-limit.replenish-per-second=1");
    }

    @Test
    void bothGatewaysUseTheRedisLimiter() {
        assertThat(first.getBeansOfType(RedisRateLimiter.class)).hasSize(1);
        assertThat(second.getBeansOfType(RedisRateLimiter.class)).hasSize(1);
    }

    @Test
    void twoGatewaysShareOneLimitPerAddress() {
        String address = "198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 254));
        Tally tally = alternate(gateway -> gateway.get().uri("/api/directory/people")
                .header("X-Forwarded-For", address));

        // no token: the ones let through reach authentication and get 401
        tally.assertOneSharedLimit(401);
    }

    @Test
    void twoGatewaysShareOneLimitPerSubject() {
        String token = "Bearer " + TestTokens.mint("shared-" + UUID.randomUUID(), "LEARNER");
        Tally tally = alternate(gateway -> gateway.get().uri("/actuator/info")
                .header(HttpHeaders.AUTHORIZATION, token));

        tally.assertOneSharedLimit(200);
    }

    /** Answers of 40 requests sent alternately to the two gateways. */
    private record Tally(List<Integer> statuses, Duration elapsed) {

        void assertOneSharedLimit(int passedStatus) {
            long passed = statuses.stream().filter(status -> status == passedStatus).count();
            assertThat(statuses).as("answers, alternately from each gateway").containsOnly(passedStatus, 429);
            // Redis refills whole seconds: at most one more per second begun.
            long allowed = BURST + elapsed.toSeconds() + 1;
            assertThat(passed).as("%s in %s", statuses, elapsed).isBetween((long) BURST, Math.min(allowed, 2L * BURST - 1));
            for (int gateway = 0; gateway < 2; gateway++) {
                int from = gateway;
                assertThat(java.util.stream.IntStream.range(0, statuses.size())
                        .filter(i -> i % 2 == from).mapToObj(statuses::get))
                        .as("gateway %d refuses too", gateway + 1)
                        .contains(429);
            }
        }
    }

    private static Tally alternate(Function<WebTestClient, WebTestClient.RequestHeadersSpec<?>> request) {
        List<WebTestClient> gateways = List.of(client(first), client(second));
        long start = System.nanoTime();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4 * BURST; i++) {
            statuses.add(request.apply(gateways.get(i % 2)).exchange().returnResult().getStatus().value());
        }
        return new Tally(statuses, Duration.ofNanos(System.nanoTime() - start));
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }
}
