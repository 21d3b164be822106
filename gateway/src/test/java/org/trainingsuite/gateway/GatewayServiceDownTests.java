package org.trainingsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trainingsuite.platform.test.TestTokens;

/**
 * The directory route pointed at a port where nothing listens, with the production timeouts of
 * application.yml (connect 1 s, response 5 s, time limiter 6 s): a stopped service must give a fast
 * 503 problem, never a hang or a 500. The breaker opens sooner here (4 calls) to see it open.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.instances.directory-service.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.directory-service.minimum-number-of-calls=4"})
@AutoConfigureWebTestClient(timeout = "15s")
class GatewayServiceDownTests {

    private static final Duration FAST = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void stoppedDirectoryService(DynamicPropertyRegistry registry) {
        registry.add("DIRECTORY_SERVICE_URL", StubService::closedPortUrl);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    /**
     * The first call through a fresh context loads and compiles the whole path (token decoding, HTTP
     * client, breaker, fallback), which takes about a second on a busy machine. What is measured
     * below is the answer for a stopped service, not a cold JVM.
     */
    @BeforeAll
    static void warmUp(@Autowired WebTestClient client) {
        expectServiceUnavailable(client, "GET");
    }

    @BeforeEach
    void closeBreaker() {
        breaker().reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void stoppedServiceGivesFastServiceUnavailableProblem(String method) {
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        Duration elapsed = timed(() -> expectServiceUnavailable(client, method));

        assertThat(elapsed).isLessThan(FAST);
        // The retries of a GET happen inside the breaker: one client request is one breaker call.
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndAnswersStayFast() {
        for (int call = 0; call < 4; call++) {
            expectServiceUnavailable(client, "GET");
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Duration elapsed = timed(() -> expectServiceUnavailable(client, "GET"));

        assertThat(elapsed).isLessThan(FAST);
    }

    private static void expectServiceUnavailable(WebTestClient client, String method) {
        client.method(HttpMethod.valueOf(method)).uri("/api/directory/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.mint("admin-1", "ADMIN"))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.detail").isEqualTo("directory-service is not reachable right now")
                .jsonPath("$.service").isEqualTo("directory-service")
                .jsonPath("$.instance").isEqualTo("/api/directory/people");
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker("directory-service");
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
