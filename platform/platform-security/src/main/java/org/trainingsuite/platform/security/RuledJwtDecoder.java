package org.trainingsuite.platform.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A decoder that applies {@link TokenRules} to what its delegate accepted. */
final class RuledJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final TokenRules rules;

    RuledJwtDecoder(JwtDecoder delegate, TokenRules rules) {
        this.delegate = delegate;
        this.rules = rules;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return check(rules, delegate.decode(token));
    }

    static Jwt check(TokenRules rules, Jwt jwt) {
        OAuth2TokenValidatorResult result = rules.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
