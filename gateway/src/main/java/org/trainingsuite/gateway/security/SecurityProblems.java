package org.trainingsuite.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.trainingsuite.gateway.problem.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 answers of the gateway as problem details, with the {@code WWW-Authenticate} header of
 * RFC 6750. The detail stays generic: why a token was refused is logged by Spring Security at debug
 * level, not told to the caller.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean tokenPresented = ex instanceof InvalidBearerTokenException
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.UNAUTHORIZED, tokenPresented
                ? "The bearer token is invalid or expired"
                : "A bearer token is required");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, tokenPresented ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(exchange, problem, headers);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.FORBIDDEN,
                "This token does not give access to this resource");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(exchange, problem, headers);
    }
}
