package org.trainingsuite.trainingpass.passtype;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
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
 * Searches catalog-service for items to add to a pass type, with the admin's own token, through a
 * Resilience4j circuit breaker ({@code catalog}) with timeouts. When the catalog cannot answer, the
 * search is a 503; managing the items already included never depends on it.
 */
@Component
public class CatalogClient {

    /** One catalog program, as catalog-service's admin search returns it. */
    public record CatalogProgram(UUID id, String type, String delivery, String title, String category,
                                 BigDecimal credits, String status) {
    }

    /** One page of catalog-service's answer. */
    public record CatalogPage(List<CatalogProgram> items, int page, int size, long totalItems, int totalPages) {
    }

    /** What to look for. */
    public record Query(String text, String category, String type, Boolean inAnotherPass, UUID exceptPassTypeId,
                        int page, int size) {
    }

    private final RestClient http;
    private final CircuitBreaker breaker;

    CatalogClient(@Value("${training-pass.catalog.url:http://localhost:8082}") String baseUrl,
            @Value("${training-pass.catalog.connect-timeout:1s}") Duration connectTimeout,
            @Value("${training-pass.catalog.read-timeout:3s}") Duration readTimeout,
            RestClient.Builder builder, CircuitBreakerFactory<?, ?> breakers) {
        this.http = RestClients.bounded(builder, baseUrl, connectTimeout, readTimeout);
        this.breaker = breakers.create("catalog");
    }

    public CatalogPage search(String bearerToken, Query q) {
        return breaker.run(() -> http.get()
                        .uri(uri -> {
                            uri.path("/programs").queryParam("status", "PUBLISHED")
                                    .queryParam("page", q.page()).queryParam("size", q.size());
                            if (q.text() != null && !q.text().isBlank()) {
                                uri.queryParam("q", q.text());
                            }
                            if (q.category() != null && !q.category().isBlank()) {
                                uri.queryParam("category", q.category());
                            }
                            if (q.type() != null) {
                                uri.queryParam("type", q.type());
                            }
                            if (q.inAnotherPass() != null) {
                                uri.queryParam("inAnotherPass", q.inAnotherPass())
                                        .queryParam("exceptPassTypeId", q.exceptPassTypeId());
                            }
                            return uri.build();
                        })
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                        .retrieve()
                        .body(CatalogPage.class),
                failure -> {
                    throw new ServiceUnavailableException(
                            "catalog-service cannot be searched right now; the items already in the pass are unaffected",
                            failure);
                });
    }
}
