package org.trainingsuite.trainingpass.passtype;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.trainingsuite.platform.errors.InvalidInputException;
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
        // Every value goes in as a URI variable, so it is encoded and never read as a template ({x} in a search).
        Map<String, Object> values = new HashMap<>();
        values.put("page", q.page());
        values.put("size", q.size());
        values.put("q", q.text());
        values.put("category", q.category());
        values.put("type", q.type());
        values.put("inAnotherPass", q.inAnotherPass());
        values.put("exceptPassTypeId", q.exceptPassTypeId());
        return breaker.run(() -> http.get()
                        .uri(uri -> {
                            uri.path("/programs").queryParam("status", "PUBLISHED")
                                    .queryParam("page", "{page}").queryParam("size", "{size}");
                            if (q.text() != null && !q.text().isBlank()) {
                                uri.queryParam("q", "{q}");
                            }
                            if (q.category() != null && !q.category().isBlank()) {
                                uri.queryParam("category", "{category}");
                            }
                            if (q.type() != null) {
                                uri.queryParam("type", "{type}");
                            }
                            if (q.inAnotherPass() != null) {
                                uri.queryParam("inAnotherPass", "{inAnotherPass}")
                                        .queryParam("exceptPassTypeId", "{exceptPassTypeId}");
                            }
                            return uri.build(values);
                        })
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                        .retrieve()
                        .body(CatalogPage.class),
                failure -> {
                    if (failure instanceof HttpClientErrorException refused && refused.getStatusCode().value() == 400) {
                        // catalog refused the query itself (a parameter it does not take): the caller's input, not an outage
                        throw new InvalidInputException("q", "catalog-service refused the search: "
                                + refused.getResponseBodyAsString());
                    }
                    throw new ServiceUnavailableException(
                            "catalog-service cannot be searched right now; the items already in the pass are unaffected",
                            failure);
                });
    }
}
