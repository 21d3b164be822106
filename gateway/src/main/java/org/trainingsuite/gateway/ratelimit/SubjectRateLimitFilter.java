package org.trainingsuite.gateway.ratelimit;

import java.util.Optional;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.trainingsuite.gateway.ratelimit.RateLimits.Limit;
import reactor.core.publisher.Mono;

/**
 * The limit per authenticated subject (the token's {@code sub}, so a person is limited wherever they call
 * from), after Spring Security accepted the token and before the request is routed. A request that arrives
 * here unauthenticated although it carried an {@code Authorization} header (another scheme than Bearer, on a
 * public path) was not charged by {@link AddressRateLimitFilter}, so it takes a token of its address' bucket.
 */
final class SubjectRateLimitFilter implements WebFilter, Ordered {

    /** After Spring Security's {@code WebFilterChainProxy} (-100), which put the authentication in place. */
    static final int ORDER = -50;

    private final RateLimits limits;
    private final ClientAddress addresses;
    private final RateLimitAnswers answers;

    SubjectRateLimitFilter(RateLimits limits, ClientAddress addresses, RateLimitAnswers answers) {
        this.limits = limits;
        this.addresses = addresses;
        this.answers = answers;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean charged = Boolean.TRUE.equals(exchange.getAttribute(AddressRateLimitFilter.CHARGED_ATTRIBUTE));
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .flatMap(subject -> limits.take(Limit.SUBJECT, subject.getName()))
                .switchIfEmpty(Mono.defer(() -> charged ? Mono.empty() : limits.take(Limit.ADDRESS, addresses.of(exchange))))
                .map(Optional::of)
                .defaultIfEmpty(Optional.<RateLimiter.Response>empty())
                .flatMap(decision -> decision.isPresent()
                        ? answers.admit(exchange, chain, decision.get())
                        : chain.filter(exchange));
    }
}
