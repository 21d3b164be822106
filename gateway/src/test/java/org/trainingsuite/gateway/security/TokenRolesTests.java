package org.trainingsuite.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRolesTests {

    @Test
    void rolesClaimBecomesRoleAuthoritiesAndSubjectThePrincipal() {
        AbstractAuthenticationToken authentication = TokenRoles.authenticationConverter()
                .convert(token(List.of("ADMIN", "LEARNER")))
                .block();

        assertThat(authentication.getName()).isEqualTo("person-7");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_LEARNER");
    }

    @Test
    void tokenWithoutRolesIsAuthenticatedWithoutAuthorities() {
        AbstractAuthenticationToken authentication = TokenRoles.authenticationConverter()
                .convert(token(List.of()))
                .block();

        assertThat(authentication.getAuthorities()).isEmpty();
    }

    private static Jwt token(List<String> roles) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("person-7")
                .claim("roles", roles)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(60))
                .build();
    }
}
