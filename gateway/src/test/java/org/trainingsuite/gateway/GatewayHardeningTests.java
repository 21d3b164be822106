package org.trainingsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.jayway.jsonpath.JsonPath;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TokenMatrix;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * What the gateway refuses before a request reaches a service: tokens that break the suite's rules, bodies
 * over the size limit, and callers over their rate. A stub directory service on a free port, plus an
 * "uploads" route to it whose metadata raises the body limit to 4 MiB.
 *
 * <p>Each test calls from addresses of its own ({@code X-Forwarded-For}, honoured because the test client
 * connects from localhost, a trusted proxy by default), so one test's address buckets never limit another.
 * The anonymous rate is lowered to 0.5 a second (burst 60 as in production) so that a bucket emptied by a
 * test stays empty, whatever pauses a busy machine makes.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT,
        classes = {GatewayApplication.class, GatewayHardeningTests.UploadRoute.class},
        properties = "gateway.rate-limit.anonymous.replenish-per-second=0.5")
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
class GatewayHardeningTests {

    static final StubService directory = new StubService();
    static final int MIB = 1024 * 1024;
    private static final AtomicInteger addresses = new AtomicInteger();

    @DynamicPropertySource
    static void directoryService(DynamicPropertyRegistry registry) {
        registry.add("DIRECTORY_SERVICE_URL", directory::baseUrl);
        // the body size tests use the catalog route: it keeps the default limit, directory's is raised
        registry.add("CATALOG_SERVICE_URL", directory::baseUrl);
    }

    /**
     * A route like those of application.yml, so it gets the default filters (and their body caching), whose
     * service takes bodies of up to 4 MiB. Not a {@code @Configuration}: the component scan of other tests'
     * applications must not find it.
     */
    static class UploadRoute {

        @Bean
        RouteDefinitionLocator uploadRoute() {
            RouteDefinition route = new RouteDefinition("uploads=" + directory.baseUrl() + ",Path=/api/uploads/**");
            route.setFilters(List.of(new FilterDefinition("StripPrefix=2")));
            route.setMetadata(Map.of("max-body-size", "4MB"));
            return () -> Flux.just(route);
        }
    }

    @AfterAll
    static void stopDirectory() {
        directory.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void resetDirectory() {
        directory.reset();
        breakers.circuitBreaker("directory-service").reset();
        breakers.circuitBreaker("uploads").reset();
        breakers.circuitBreaker("catalog-service").reset();
    }

    /** An address no other test calls from (TEST-NET-3, RFC 5737). */
    static String newAddress() {
        return "203.0.113." + addresses.incrementAndGet();
    }

    /** A valid token of a subject no other request uses, so no subject bucket is shared either. */
    static String bearer() {
        return "Bearer " + TestTokens.mint("person-" + UUID.randomUUID(), "LEARNER");
    }

    /** The suite's matrix of bad tokens, and one the services accept but the gateway must not. */
    static Stream<Arguments> badTokens() {
        Map<String, String> tokens = new LinkedHashMap<>(TokenMatrix.badTokens());
        tokens.put("SERVICE, short-lived", TestTokens.mint("training-pass-service", "SERVICE"));
        return tokens.entrySet().stream().map(bad -> Arguments.of(bad.getKey(), bad.getValue()));
    }

    @Nested
    class TokenRules {

        private static final String CALLER = newAddress();

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.trainingsuite.gateway.GatewayHardeningTests#badTokens")
        void badTokenIsUnauthorizedProblem(String what, String token) {
            client.get().uri("/api/directory/people")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header("X-Forwarded-For", CALLER)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.detail").isEqualTo("The bearer token is invalid or expired");
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void goodTokenPasses() {
            String authorization = bearer();
            client.get().uri("/api/directory/people")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .header("X-Forwarded-For", CALLER)
                    .exchange()
                    .expectStatus().isOk();
            assertThat(directory.hits()).singleElement()
                    .satisfies(hit -> assertThat(hit.authorization()).isEqualTo(authorization));
        }

        /** The decoder Boot made from the key is wrapped by platform-security, with the gateway's settings. */
        @Test
        void theGatewaysDecoderAppliesTheSuitesRulesAndRefusesServiceTokens(@Autowired ReactiveJwtDecoder decoder) {
            StepVerifier.create(decoder.decode(TestTokens.mint("training-pass-service", "SERVICE")))
                    .expectErrorSatisfies(refused -> assertThat(refused)
                            .isInstanceOf(JwtValidationException.class)
                            .hasMessage("Service tokens are not accepted here"))
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(decoder.decode(TestTokens.mint("person-1", "LEARNER")))
                    .assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("person-1"))
                    .verifyComplete();
        }
    }

    @Nested
    class BodySize {

        @LocalServerPort
        int port;

        /** The headers alone, the body held back until the answer is in: it cannot have waited for the body. */
        @Test
        void contentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
            RawRequest.Answer answer = RawRequest.post(port, "/api/catalog/programs", bearer(),
                    RawRequest.Framing.CONTENT_LENGTH, 10L * MIB, true);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.headers()).containsEntry("content-type", MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat((String) JsonPath.read(answer.body(), "$.detail"))
                    .isEqualTo("The request body may be at most 1 MiB (1048576 bytes)");
            assertThat(answer.closed()).as("10 MiB is not worth reading to keep the connection").isTrue();
            assertThat(directory.hits()).isEmpty();
        }

        /** Within twice the limit the rest of the body is still taken, so a client library sees the answer. */
        @Test
        void bodyOverTheLimitWithContentLengthIsRefused() {
            client.post().uri("/api/catalog/programs")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(new byte[MIB + MIB / 2])
                    .exchange()
                    .expectStatus().isEqualTo(413)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(413)
                    .jsonPath("$.title").isEqualTo("Request body too large")
                    .jsonPath("$.type").isEqualTo("https://trainingsuite.org/problems/too-large")
                    .jsonPath("$.detail").isEqualTo("The request body may be at most 1 MiB (1048576 bytes)")
                    .jsonPath("$.maxBodySize").isEqualTo(MIB)
                    .jsonPath("$.instance").isEqualTo("/api/catalog/programs");
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void chunkedBodyOverTheLimitIsRefused() {
            client.post().uri("/api/catalog/programs")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .body(BodyInserters.fromDataBuffers(chunked(MIB + MIB / 2)))
                    .exchange()
                    .expectStatus().isEqualTo(413)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("The request body may be at most 1 MiB (1048576 bytes)");
            assertThat(directory.hits()).isEmpty();
            assertThat(breakers.circuitBreaker("catalog-service").getMetrics().getNumberOfFailedCalls())
                    .as("refused before the breaker: not a failure of the service")
                    .isZero();
        }

        /** A chunked body that never ends: the gateway stops reading it and closes the connection. */
        @Test
        void endlessChunkedBodyIsStoppedAsItStreams() throws Exception {
            RawRequest.Answer answer = RawRequest.post(port, "/api/catalog/programs", bearer(),
                    RawRequest.Framing.CHUNKED, Long.MAX_VALUE, false);

            assertThat(answer.status()).isEqualTo(413);
            assertThat((String) JsonPath.read(answer.body(), "$.detail"))
                    .isEqualTo("The request body may be at most 1 MiB (1048576 bytes)");
            assertThat(answer.closed()).isTrue();
            // twice the limit read, plus what the socket buffers of both ends took in
            assertThat(answer.bodyBytesSent()).isLessThan(64L * MIB);
            assertThat(directory.hits()).isEmpty();
        }

        /** directory-service's route takes bulk membership changes of a large group: 8 MiB. */
        @Test
        void theDirectoryRouteTakesEightMebibytes() {
            client.post().uri("/api/directory/groups/g-1/members")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(new byte[4 * MIB])
                    .exchange()
                    .expectStatus().isOk();
            assertThat(directory.hits()).singleElement().satisfies(hit -> assertThat(hit.bodyLength()).isEqualTo(4L * MIB));
        }

        @Test
        void bodyOfExactlyTheLimitPasses() {
            client.post().uri("/api/catalog/programs")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(new byte[MIB])
                    .exchange()
                    .expectStatus().isOk();
            assertThat(directory.hits()).singleElement().satisfies(hit -> assertThat(hit.bodyLength()).isEqualTo(MIB));
        }

        @Test
        void chunkedBodyJustUnderTheLimitPasses() {
            client.post().uri("/api/catalog/programs")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .body(BodyInserters.fromDataBuffers(chunked(MIB - 1)))
                    .exchange()
                    .expectStatus().isOk();
            assertThat(directory.hits()).singleElement().satisfies(hit -> assertThat(hit.bodyLength()).isEqualTo(MIB - 1));
        }

        @Test
        void aRouteRaisesItsLimitInItsMetadata() {
            client.post().uri("/api/uploads/files")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .body(BodyInserters.fromDataBuffers(chunked(3 * MIB)))
                    .exchange()
                    .expectStatus().isOk();
            assertThat(directory.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.path()).isEqualTo("/files");
                assertThat(hit.bodyLength()).isEqualTo(3 * MIB);
            });

            client.post().uri("/api/uploads/files")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .bodyValue(new byte[5 * MIB])
                    .exchange()
                    .expectStatus().isEqualTo(413)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("The request body may be at most 4 MiB (4194304 bytes)");
            assertThat(directory.hits()).hasSize(1);
        }

        /** {@code bytes} in 64 KiB chunks, without a Content-Length: chunked encoding. */
        private static Flux<DataBuffer> chunked(long bytes) {
            int chunk = 64 * 1024;
            return Flux.generate(() -> bytes, (left, sink) -> {
                if (left <= 0) {
                    sink.complete();
                    return left;
                }
                int size = (int) Math.min(chunk, left);
                sink.next(DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
                return left - size;
            });
        }
    }

    @Nested
    class RateLimits {

        @Test
        void anonymousFloodFromOneAddressGetsTooManyRequestsProblems() {
            String flooder = newAddress();
            int unauthorized = 0;
            int refused = 0;
            EntityExchangeResult<String> firstRefusal = null;
            for (int request = 0; request < 300; request++) {
                EntityExchangeResult<String> answer = client.get().uri("/api/directory/people")
                        .header("X-Forwarded-For", flooder)
                        .exchange()
                        .expectBody(String.class).returnResult();
                switch (answer.getStatus().value()) {
                    case 401 -> unauthorized++;
                    case 429 -> {
                        refused++;
                        firstRefusal = firstRefusal == null ? answer : firstRefusal;
                    }
                    default -> throw new AssertionError("unexpected answer " + answer);
                }
            }

            assertThat(unauthorized).as("the burst reached authentication").isBetween(60, 70);
            assertThat(refused).isEqualTo(300 - unauthorized);
            assertTooManyRequestsProblem(firstRefusal, "60");
            client.get().uri("/api/directory/people")
                    .header("X-Forwarded-For", newAddress())
                    .exchange()
                    .expectStatus().isUnauthorized();
            // A token holder behind the same address is limited by subject, not by the anonymous flood.
            client.get().uri("/api/directory/people")
                    .header("X-Forwarded-For", flooder)
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isOk();
        }

        @Test
        void failedAuthenticationsFromOneAddressAreLimitedBeforeTheirSignatureIsChecked() {
            String attacker = newAddress();
            String forged = "Bearer " + TokenMatrix.badTokens().get("forged (another key)");
            int unauthorized = 0;
            EntityExchangeResult<String> refusal = null;
            for (int request = 0; request < 300 && refusal == null; request++) {
                EntityExchangeResult<String> answer = client.get().uri("/api/directory/people")
                        .header("X-Forwarded-For", attacker)
                        .header(HttpHeaders.AUTHORIZATION, forged)
                        .exchange()
                        .expectBody(String.class).returnResult();
                switch (answer.getStatus().value()) {
                    case 401 -> unauthorized++;
                    case 429 -> refusal = answer;
                    default -> throw new AssertionError("unexpected answer " + answer);
                }
            }

            assertThat(refusal).as("forged tokens from one address are limited").isNotNull();
            assertThat(unauthorized).isBetween(61, 70);
            assertTooManyRequestsProblem(refusal, "60");
            // Refused up front: a valid token from the blocked address would otherwise pass.
            client.get().uri("/api/directory/people")
                    .header("X-Forwarded-For", attacker)
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            client.get().uri("/api/directory/people")
                    .header("X-Forwarded-For", newAddress())
                    .header(HttpHeaders.AUTHORIZATION, forged)
                    .exchange()
                    .expectStatus().isUnauthorized();
            assertThat(directory.hits()).isEmpty();

            long retryAfter = Long.parseLong(refusal.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            await().atMost(Duration.ofSeconds(retryAfter + 5)).pollInterval(Duration.ofMillis(250)).until(() ->
                    client.get().uri("/api/directory/people")
                            .header("X-Forwarded-For", attacker)
                            .header(HttpHeaders.AUTHORIZATION, bearer())
                            .exchange()
                            .returnResult().getStatus().value() == 200);
        }

        @Test
        void anAuthenticatedSubjectOverItsLimitGetsTooManyRequestsProblem() {
            String busy = "Bearer " + TestTokens.mint("busy-" + System.nanoTime(), "LEARNER");
            String address = newAddress();
            int passed = 0;
            EntityExchangeResult<String> refusal = null;
            for (int request = 0; request < 2000 && refusal == null; request++) {
                EntityExchangeResult<String> answer = client.get().uri("/api/directory/people")
                        .header("X-Forwarded-For", address)
                        .header(HttpHeaders.AUTHORIZATION, busy)
                        .exchange()
                        .expectBody(String.class).returnResult();
                switch (answer.getStatus().value()) {
                    case 200 -> passed++;
                    case 429 -> refusal = answer;
                    default -> throw new AssertionError("unexpected answer " + answer);
                }
            }

            assertThat(refusal).as("a subject's burst of 100 refilled at 50 a second runs out").isNotNull();
            assertThat(passed).isGreaterThanOrEqualTo(100);
            assertThat(directory.hits()).hasSize(passed);
            assertTooManyRequestsProblem(refusal, "100");
            // another subject from the same address has a bucket of its own
            client.get().uri("/api/directory/people")
                    .header("X-Forwarded-For", address)
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isOk();
        }

        @Test
        void corsPreflightsAreNotCountedAgainstTheAddress() {
            String office = newAddress();
            for (int preflight = 0; preflight < 100; preflight++) {
                client.options().uri("/api/directory/people/" + preflight)
                        .header("X-Forwarded-For", office)
                        .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                        .exchange()
                        .expectStatus().isOk();
            }
            client.get().uri("/api/directory/people")
                    .header("X-Forwarded-For", office)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("X-RateLimit-Remaining", "59");
        }

        @Test
        void withoutTheRedisStoreNoRedisIsConfigured(@Autowired ApplicationContext context) {
            assertThat(context.getBeanNamesForType(ReactiveRedisConnectionFactory.class)).isEmpty();
            assertThat(context.getBeanNamesForType(RedisRateLimiter.class)).isEmpty();
        }

        private static void assertTooManyRequestsProblem(EntityExchangeResult<String> refusal, String burst) {
            HttpHeaders headers = refusal.getResponseHeaders();
            assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
            assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(headers.getFirst("X-RateLimit-Burst-Capacity")).isEqualTo(burst);
            String body = refusal.getResponseBody();
            assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(429);
            assertThat((String) JsonPath.read(body, "$.title")).isEqualTo("Too Many Requests");
            assertThat((String) JsonPath.read(body, "$.detail")).startsWith("Too many requests; try again in ");
            assertThat((String) JsonPath.read(body, "$.instance")).isEqualTo("/api/directory/people");
        }
    }
}
