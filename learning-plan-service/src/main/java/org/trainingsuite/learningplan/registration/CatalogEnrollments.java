package org.trainingsuite.learningplan.registration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.ServiceUnavailableException;
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.web.RestClients;
import org.trainingsuite.platform.web.ServiceTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enrolls people and cancels their enrollments through catalog-service, which owns enrollments: every
 * enrollment a registration makes is catalog's, with source {@code LEARNING_PLAN} and the plan's id. The
 * calls carry the service's own credential (role SERVICE), run through a Resilience4j circuit breaker
 * ({@code catalog}) with connect and read timeouts, and are safe to repeat: catalog answers a repeated
 * booking from the same plan with the enrollment it made. When catalog-service cannot answer, the caller
 * gets a {@link ServiceUnavailableException} (503); when it refuses (a full session, a closed program),
 * a {@link ConflictException} with catalog's reason.
 */
@Component
public class CatalogEnrollments {

    private static final Logger log = LoggerFactory.getLogger(CatalogEnrollments.class);

    /** An enrollment the person holds; {@code madeByPlan} is false when they were enrolled on it already. */
    public record Enrolled(UUID enrollmentId, boolean madeByPlan) {
    }

    private record Answer(int status, JsonNode body) {

        String detail() {
            JsonNode detail = body.get("detail");
            return detail == null || detail.isNull() ? "status " + status : detail.asString();
        }
    }

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final JsonMapper json;
    private final Supplier<String> token;

    CatalogEnrollments(@Value("${learning-plan.catalog.url:http://localhost:8082}") String baseUrl,
            @Value("${learning-plan.catalog.connect-timeout:1s}") Duration connectTimeout,
            @Value("${learning-plan.catalog.read-timeout:3s}") Duration readTimeout,
            @Value("${learning-plan.service-token:}") String token,
            @Value("${learning-plan.service-token-file:}") String tokenFile,
            RestClient.Builder builder, CircuitBreakerFactory<?, ?> breakers, JsonMapper json) {
        this.http = RestClients.bounded(builder, baseUrl, connectTimeout, readTimeout);
        this.breaker = breakers.create("catalog");
        this.json = json;
        this.token = ServiceTokens.of(token, tokenFile);
    }

    /** Enrolls the person on a program (and session) for a plan; repeating it returns the same enrollment. */
    public Enrolled enroll(String personId, UUID programId, UUID sessionId, UUID planId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", personId);
        body.put("programId", programId);
        body.put("sessionId", sessionId);
        body.put("source", "LEARNING_PLAN");
        body.put("sourceId", planId.toString());
        Answer answer = send("enroll " + personId, c -> c.post().uri("/enrollments")
                .contentType(MediaType.APPLICATION_JSON).body(body));
        if (answer.status() == 200 || answer.status() == 201) {
            return new Enrolled(UUID.fromString(answer.body().get("id").asString()), true);
        }
        if (answer.status() == 409) {
            // enrolled already (directly, through a pass or another plan)? Then that enrollment counts, and is not ours
            Enrolled existing = liveEnrollment(personId, programId, sessionId, planId);
            if (existing != null) {
                return existing;
            }
        }
        throw new ConflictException("catalog-service did not enroll " + personId + " on program " + programId
                + (sessionId == null ? "" : " session " + sessionId) + ": " + answer.detail());
    }

    /** Cancels an enrollment the plan made; false if it was no longer live (completed or cancelled already). */
    public boolean cancel(UUID enrollmentId, String reason) {
        Answer answer = send("cancel enrollment " + enrollmentId, c -> c.post().uri("/enrollments/{id}/cancel", enrollmentId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason)));
        if (answer.status() == 200) {
            return true;
        }
        if (answer.status() == 404 || answer.status() == 409) {
            return false;
        }
        throw new ConflictException("catalog-service did not cancel enrollment " + enrollmentId + ": " + answer.detail());
    }

    private Enrolled liveEnrollment(String personId, UUID programId, UUID sessionId, UUID planId) {
        for (int page = 0; ; page++) {
            int p = page;
            // the person id (a token's sub) goes in as a URI variable: encoded, never read as a template
            Answer answer = send("list the enrollments of " + personId, c -> c.get().uri(uri -> uri.path("/enrollments")
                    .queryParam("personId", "{personId}").queryParam("page", p).queryParam("size", 200)
                    .build(Map.of("personId", personId))));
            for (JsonNode e : answer.body().path("items")) {
                if ("ENROLLED".equals(e.path("status").asString()) && programId.toString().equals(e.path("programId").asString())
                        && Objects.equals(sessionId == null ? null : sessionId.toString(), Payloads.text(e, "sessionId"))) {
                    boolean ours = "LEARNING_PLAN".equals(e.path("source").asString())
                            && planId.toString().equals(Payloads.text(e, "sourceId"));
                    return new Enrolled(UUID.fromString(e.get("id").asString()), ours);
                }
            }
            if (page + 1 >= answer.body().path("totalPages").asInt(0)) {
                return null;
            }
        }
    }

    /**
     * One call through the breaker. 2xx and 4xx answers come back (a refusal is an answer); 5xx, a missing or
     * refused credential (401/403), timeouts and connection failures count against the breaker and become 503.
     */
    private Answer send(String what, Function<RestClient, RestClient.RequestHeadersSpec<?>> request) {
        return breaker.run(() -> request.apply(http).header(HttpHeaders.AUTHORIZATION, "Bearer " + token.get())
                        .exchange((req, res) -> {
                            int status = res.getStatusCode().value();
                            if (status >= 500 || status == 401 || status == 403) {
                                throw new IllegalStateException("catalog-service answered " + status + " to " + req.getURI());
                            }
                            byte[] bytes = res.getBody().readAllBytes();
                            return new Answer(status, bytes.length == 0 ? json.missingNode() : json.readTree(bytes));
                        }),
                failure -> {
                    log.warn("catalog-service could not {}: {}", what, failure.toString());
                    throw new ServiceUnavailableException("catalog-service cannot " + what
                            + " right now; nothing more was changed, try again shortly", failure);
                });
    }
}
