package org.trainingsuite.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The reactive twin of {@link RuledJwtDecoder}, for the gateway. */
final class RuledReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final TokenRules rules;

    RuledReactiveJwtDecoder(ReactiveJwtDecoder delegate, TokenRules rules) {
        this.delegate = delegate;
        this.rules = rules;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        return delegate.decode(token).map(jwt -> RuledJwtDecoder.check(rules, jwt));
    }
}
