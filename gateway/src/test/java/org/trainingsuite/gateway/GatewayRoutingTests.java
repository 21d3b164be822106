package org.trainingsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.trainingsuite.platform.test.TestTokens;

/**
 * The gateway in front of a running directory service (a stub on a free port): security, routing,
 * pass-through of the service's answers, retries, timeouts, CORS and the API docs. One Spring
 * context for all nested groups; the "test" profile shortens the timeouts (response timeout 1 s).
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "10s")
@ActiveProfiles("test")
class GatewayRoutingTests {

    static final StubService directory = new StubService();

    @DynamicPropertySource
    static void directoryService(DynamicPropertyRegistry registry) {
        registry.add("DIRECTORY_SERVICE_URL", directory::baseUrl);
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
        // Failures provoked by one test must not open the breaker for the next.
        breakers.circuitBreaker("directory-service").reset();
    }

    static String bearer() {
        return "Bearer " + TestTokens.mint("person-1", "LEARNER");
    }

    @Nested
    class Security {

        @Test
        void requestWithoutTokenIsRejectedWithProblem() {
            client.get().uri("/api/directory/people")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.title").isEqualTo("Unauthorized")
                    .jsonPath("$.detail").isEqualTo("A bearer token is required")
                    .jsonPath("$.instance").isEqualTo("/api/directory/people");
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void expiredTokenIsRejected() {
            String expired = TestTokens.mint("person-1", Duration.ofMinutes(-10), "ADMIN");
            client.get().uri("/api/directory/people")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + expired)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("The bearer token is invalid or expired");
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void malformedTokenIsRejected() {
            client.get().uri("/api/directory/people")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void pathTraversalOutOfAPublicPathIsRejected() {
            client.get().uri("/api/directory/v3/api-docs/../../people")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void fallbackEndpointCannotBeCalledDirectly() {
            client.get().uri("/fallback")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(403);
        }
    }

    @Nested
    class Routing {

        @Test
        void validTokenReachesServiceWithPrefixStrippedAndAuthorizationPassedOn() {
            String authorization = bearer();
            client.get().uri("/api/directory/people")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.path").isEqualTo("/people");
            assertThat(directory.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.method()).isEqualTo("GET");
                assertThat(hit.path()).isEqualTo("/people");
                assertThat(hit.authorization()).isEqualTo(authorization);
                assertThat(hit.forwardedPrefix()).isEqualTo("/api/directory");
            });
        }

        @Test
        void everyRoutedAnswerSaysHowMuchOfItsRateTheClientHasLeft() {
            client.get().uri("/api/directory/people")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.mint("rate-" + System.nanoTime(), "LEARNER"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "100")
                    .expectHeader().valueEquals("X-RateLimit-Remaining", "99");
        }

        @Test
        void aCreatedResourcesLocationKeepsTheGatewayPrefix() {
            client.post().uri("/api/directory/created")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.mint("alice", "ADMIN"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/directory/people/42");
        }

        @Test
        void notFoundFromServicePassesThroughUnchanged() {
            client.get().uri("/api/directory/missing")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().json(StubService.MISSING_BODY, true);
            assertThat(directory.hitsOn("GET", "/missing")).isEqualTo(1);
        }

        @Test
        void pathWithoutRouteGivesProblem() {
            client.get().uri("/api/nowhere/people")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(404);
            assertThat(directory.hits()).isEmpty();
        }
    }

    @Nested
    class Resilience {

        @ParameterizedTest
        @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
        void writesAreNeverRetried(String method) {
            client.method(HttpMethod.valueOf(method)).uri("/api/directory/unavailable")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"Ada\"}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().json("{\"busy\":true}", true);
            assertThat(directory.hitsOn(method, "/unavailable")).isEqualTo(1);
        }

        @Test
        void getIsRetriedTwiceWhenServiceIsUnavailable() {
            client.get().uri("/api/directory/unavailable")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().json("{\"busy\":true}", true);
            assertThat(directory.hitsOn("GET", "/unavailable")).isEqualTo(3);
        }

        @Test
        void getIsRetriedInsideTheBreakerWhenTheConnectionDrops() {
            client.get().uri("/api/directory/drop")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("directory-service is not reachable right now");
            // Retried before the breaker's fallback answered; a breaker outside the retries would
            // have turned the first failure into the answer.
            assertThat(directory.hitsOn("GET", "/drop")).isEqualTo(3);
        }

        @Test
        void postIsNotRetriedWhenTheConnectionDrops() {
            client.post().uri("/api/directory/drop")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"Ada\"}")
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(directory.hitsOn("POST", "/drop")).isEqualTo(1);
        }

        @Test
        void getAnsweredWithServerErrorIsNotRetried() {
            client.get().uri("/api/directory/broken")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isEqualTo(500)
                    .expectBody().json("{\"broken\":true}", true);
            assertThat(directory.hitsOn("GET", "/broken")).isEqualTo(1);
        }

        @Test
        void slowServiceGivesGatewayTimeoutProblemWithoutRetrying() {
            long start = System.nanoTime();
            client.get().uri("/api/directory/slow")
                    .header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isEqualTo(504)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(504)
                    .jsonPath("$.title").isEqualTo("Gateway Timeout")
                    .jsonPath("$.detail").isEqualTo("directory-service did not answer in time")
                    .jsonPath("$.service").isEqualTo("directory-service")
                    .jsonPath("$.instance").isEqualTo("/api/directory/slow");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            // Response timeout of the test profile is 1 s; the time limiter (3 s) must not be what fired.
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofMillis(2500));
            assertThat(directory.hitsOn("GET", "/slow")).isEqualTo(1);
        }
    }

    @Nested
    class PublicEndpoints {

        @Test
        void healthIsPublicAndShowsNoDetails() {
            client.get().uri("/actuator/health")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist();
            client.get().uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP");
        }

        @Test
        void otherActuatorEndpointsNeedAToken() {
            client.get().uri("/actuator")
                    .exchange()
                    .expectStatus().isUnauthorized();
        }

        @Test
        void serviceApiDocsAreProxiedWithoutToken() {
            client.get().uri("/api/directory/v3/api-docs")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.path").isEqualTo("/v3/api-docs");
            assertThat(directory.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.path()).isEqualTo("/v3/api-docs");
                assertThat(hit.authorization()).isNull();
            });
        }

        @Test
        void swaggerUiListsEachServiceDocument() {
            client.get().uri("/v3/api-docs/swagger-config")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.urls[?(@.name == 'directory')].url").isEqualTo("/api/directory/v3/api-docs")
                    .jsonPath("$.urls[?(@.name == 'catalog')].url").isEqualTo("/api/catalog/v3/api-docs")
                    .jsonPath("$.urls[?(@.name == 'training-passes')].url").isEqualTo("/api/training-passes/v3/api-docs")
                    .jsonPath("$.urls[?(@.name == 'learning-plans')].url").isEqualTo("/api/learning-plans/v3/api-docs")
                    .jsonPath("$.urls[?(@.name == 'notifications')].url").isEqualTo("/api/notifications/v3/api-docs")
                    .jsonPath("$.urls[?(@.name == 'reports')].url").isEqualTo("/api/reports/v3/api-docs")
                    .jsonPath("$.urls.length()").isEqualTo(6);
        }

        @Test
        void theAsyncApiDocumentOfEveryTopicIsPublic() {
            client.get().uri("/asyncapi.json")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.asyncapi").isEqualTo("3.0.0")
                    .jsonPath("$.channels['training-pass_passes'].address").isEqualTo("training-pass.passes")
                    .jsonPath("$.components.messages['learning-plan_assignment_registered_v1'].payload").exists();
        }

        @Test
        void swaggerUiPageIsPublic() {
            client.get().uri("/swagger-ui.html")
                    .exchange()
                    .expectStatus().is3xxRedirection();
            client.get().uri("/webjars/swagger-ui/index.html")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        }
    }

    @Nested
    class Cors {

        @Test
        void preflightFromAllowedOriginIsAnsweredByTheGateway() {
            client.options().uri("/api/directory/people")
                    .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                    .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                            methods -> assertThat(methods).contains("PATCH"));
            assertThat(directory.hits()).isEmpty();
        }

        @Test
        void preflightFromUnknownOriginIsRefused() {
            client.options().uri("/api/directory/people")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            assertThat(directory.hits()).isEmpty();
        }
    }
}
