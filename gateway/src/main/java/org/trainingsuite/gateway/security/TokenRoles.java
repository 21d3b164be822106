package org.trainingsuite.gateway.security;

import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;

/**
 * How a token of the suite becomes an authentication: the principal is the {@code sub} claim, the
 * {@code roles} claim (e.g. {@code ["ADMIN"]}) becomes {@code ROLE_ADMIN}, {@code ROLE_LEARNER}.
 * The gateway itself only requires authentication; the services check the roles.
 */
final class TokenRoles {

    static final String ROLES_CLAIM = "roles";
    static final String AUTHORITY_PREFIX = "ROLE_";

    private TokenRoles() {
    }

    static ReactiveJwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix(AUTHORITY_PREFIX);
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(roles));
        return converter;
    }
}
