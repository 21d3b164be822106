package org.trainingsuite.platform.security;

import java.time.Duration;
import java.util.Set;

/**
 * What {@link TokenRules} expects of a token, from the {@code platform.security.*} properties.
 *
 * @param issuer                   the only accepted {@code iss}
 * @param audiences                accepted {@code aud} values; empty: {@code aud} is not checked
 * @param maxServiceTokenLifetime  longest {@code exp - iat} of a {@value TokenRules#SERVICE} token
 * @param refuseServiceTokens      refuse {@value TokenRules#SERVICE} tokens altogether (the public gateway)
 */
public record TokenSettings(String issuer, Set<String> audiences, Duration maxServiceTokenLifetime,
                            boolean refuseServiceTokens) {

    public TokenSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("No token issuer is configured: set platform.security.issuer "
                    + "(PLATFORM_SECURITY_ISSUER) or spring.security.oauth2.resourceserver.jwt.issuer-uri to the "
                    + "iss claim of the identity provider's tokens");
        }
        audiences = Set.copyOf(audiences);
        if (maxServiceTokenLifetime == null || maxServiceTokenLifetime.isNegative() || maxServiceTokenLifetime.isZero()) {
            throw new IllegalStateException("platform.security.service-token-max-lifetime must be positive");
        }
    }
}
