package org.trainingsuite.gateway.ratelimit;

import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.trainingsuite.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * What a rate limit decision means for the answer: an allowed request goes on carrying the
 * {@code X-RateLimit-*} headers; a refused one is a 429 problem with {@code Retry-After} and the same headers.
 */
final class RateLimitAnswers {

    private final ProblemResponses problems;

    RateLimitAnswers(ProblemResponses problems) {
        this.problems = problems;
    }

    Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, RateLimiter.Response decision) {
        if (!decision.isAllowed()) {
            return refuse(exchange, decision.getHeaders());
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        decision.getHeaders().forEach(headers::set);
        return chain.filter(exchange);
    }

    Mono<Void> refuse(ServerWebExchange exchange, Map<String, String> rateLimitHeaders) {
        HttpHeaders headers = new HttpHeaders();
        rateLimitHeaders.forEach(headers::set);
        long retryAfter = retryAfterSeconds(rateLimitHeaders);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; try again in " + retryAfter + (retryAfter == 1 ? " second" : " seconds"));
        return problems.write(exchange, problem, headers);
    }

    static long retryAfterSeconds(Map<String, String> rateLimitHeaders) {
        try {
            return Math.max(1, Long.parseLong(rateLimitHeaders.getOrDefault(RateLimits.RETRY_AFTER, "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
