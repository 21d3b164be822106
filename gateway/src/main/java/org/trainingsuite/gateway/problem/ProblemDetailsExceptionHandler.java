package org.trainingsuite.gateway.problem;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Turns errors raised in the gateway itself (no route or resource for a path, method not allowed,
 * anything unexpected) into problem details instead of Boot's default JSON error body.
 *
 * <p>Runs before Boot's {@code DefaultErrorWebExceptionHandler} (order -1). Answers from the
 * services never get here: the gateway streams them back unchanged.
 */
@Component
@Order(-2)
class ProblemDetailsExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

    private final ProblemResponses problems;

    ProblemDetailsExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem;
        if (ex instanceof ErrorResponse error) {
            problem = error.getBody();
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
            exchange.getResponse().getHeaders().addAll(error.getHeaders());
        } else {
            log.error("Unhandled error for {} {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex);
            problem = ProblemResponses.problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                    "The gateway could not handle the request");
        }
        return problems.write(exchange, problem);
    }
}
