package org.trainingsuite.catalog.passes;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.trainingsuite.platform.errors.ServiceUnavailableException;
import org.trainingsuite.platform.web.RestClients;

/**
 * Asks training-pass-service, authoritatively and now, whether the caller holds an active pass that
 * includes an item (Access Now). The call carries the caller's own token to {@code /me/access}, so no
 * service credential is needed and nobody can ask about someone else. It runs through a Resilience4j
 * circuit breaker ({@code training-pass}) with connect and read timeouts: when the service cannot answer,
 * the answer is a {@link ServiceUnavailableException} (503), never a guess.
 */
@Component
public class TrainingPassClient {

    /** What training-pass-service answered. */
    public record PassAccess(boolean granted, UUID passId, UUID passTypeId, LocalDate expiresOn, String reason) {
    }

    private final RestClient http;
    private final CircuitBreaker breaker;

    TrainingPassClient(@Value("${catalog.training-pass.url:http://localhost:8084}") String baseUrl,
            @Value("${catalog.training-pass.connect-timeout:1s}") Duration connectTimeout,
            @Value("${catalog.training-pass.read-timeout:2s}") Duration readTimeout,
            RestClient.Builder builder, CircuitBreakerFactory<?, ?> breakers) {
        this.http = RestClients.bounded(builder, baseUrl, connectTimeout, readTimeout);
        this.breaker = breakers.create("training-pass");
    }

    /** @param bearerToken the caller's token, passed on as it came */
    public PassAccess accessOfCaller(String bearerToken, String itemId) {
        return breaker.run(() -> http.get()
                        .uri(uri -> uri.path("/me/access").queryParam("itemId", itemId).build())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                        .retrieve()
                        .body(PassAccess.class),
                failure -> {
                    throw new ServiceUnavailableException(
                            "training-pass-service cannot confirm your pass right now; nothing was booked, try again shortly",
                            failure);
                });
    }
}
