package org.trainingsuite.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * Where every route's circuit breaker forwards a call that failed: the service refused the
 * connection, did not answer in time, its breaker is open or its bulkhead is full. Answers a
 * problem naming the service (the route id) instead of a hang or a 500.
 *
 * <p>Only reached through the {@code forward:/fallback} of the {@code CircuitBreaker} filter, with the
 * original exchange and its attributes; direct requests are denied by the security configuration.
 * Answers the service gave itself, including its 4xx and 5xx, never come here.
 */
@Hidden
@RestController
class ServiceFallbackController {

    private static final Logger log = LoggerFactory.getLogger(ServiceFallbackController.class);

    @RequestMapping("/fallback")
    ResponseEntity<ProblemDetail> serviceFailed(ServerWebExchange exchange) {
        String service = serviceName(exchange);
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem;
        if (isTimeout(failure)) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                    service + " did not answer in time");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is not reachable right now");
        }
        problem.setTitle(HttpStatus.valueOf(problem.getStatus()).getReasonPhrase());
        problem.setProperty("service", service);
        problem.setInstance(URI.create(requestedPath(exchange)));
        if (failure instanceof CallNotPermittedException) {
            // Open breaker: the failures that opened it were logged; do not flood the log per request.
            log.debug("{} for {}: breaker open", problem.getStatus(), service);
        } else {
            log.warn("{} for {}: {}", problem.getStatus(), service, describe(failure));
        }
        return ResponseEntity.status(HttpStatusCode.valueOf(problem.getStatus()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String serviceName(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "The service";
    }

    /**
     * The response timeout of the HTTP client arrives as a 504 {@link ResponseStatusException}; the
     * breaker's time limiter, which also bounds the GET retries, as a {@link TimeoutException}.
     */
    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException
                || failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }

    /**
     * The path the client asked for. The fallback sees a request for /fallback; the gateway's
     * attribute of original URLs is only filled once a path filter ran, which an open breaker
     * prevents. Every mutation of the exchange wraps the one before, so the innermost holds the
     * client's request.
     */
    private static String requestedPath(ServerWebExchange exchange) {
        ServerWebExchange original = exchange;
        while (original instanceof ServerWebExchangeDecorator decorator) {
            original = decorator.getDelegate();
        }
        return original.getRequest().getPath().value();
    }

    private static String describe(Throwable failure) {
        return failure == null
                ? "no failure recorded"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
