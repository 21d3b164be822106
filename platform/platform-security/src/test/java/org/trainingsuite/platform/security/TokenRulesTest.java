package org.trainingsuite.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTest {

    private static final String ISSUER = "https://id.example.org";
    private final TokenRules rules = new TokenRules(new TokenSettings(ISSUER, Set.of(), Duration.ofHours(1), false));

    @Test
    void aWellFormedTokenPasses() {
        assertThat(errors(rules, token(c -> { }))).isEmpty();
    }

    @Test
    void anotherIssuerOrNoIssuerIsRefused() {
        assertThat(errors(rules, token(c -> c.put("iss", "https://evil.example.org")))).containsExactly("iss");
        assertThat(errors(rules, token(c -> c.remove("iss")))).containsExactly("iss");
    }

    @Test
    void aTokenWithoutExpiryOrSubjectIsRefused() {
        assertThat(errors(rules, token(c -> c.remove("exp")))).containsExactly("exp");
        assertThat(errors(rules, token(c -> c.remove("sub")))).containsExactly("sub");
        assertThat(errors(rules, token(c -> c.put("sub", " ")))).containsExactly("sub");
        assertThat(errors(rules, token(c -> c.put("sub", "a\u0000b")))).containsExactly("sub");
        assertThat(errors(rules, token(c -> c.put("sub", "x".repeat(256))))).containsExactly("sub");
    }

    @Test
    void malformedRolesAreRefused() {
        assertThat(errors(rules, token(c -> c.put("roles", List.of(List.of("ADMIN")))))).containsExactly("roles");
        assertThat(errors(rules, token(c -> c.put("roles", "ADMIN")))).containsExactly("roles");
        assertThat(errors(rules, token(c -> c.put("roles", List.of(7))))).containsExactly("roles");
        assertThat(errors(rules, token(c -> c.put("roles", Map.of("ADMIN", true))))).containsExactly("roles");
        assertThat(errors(rules, token(c -> c.put("roles", List.of("admin; drop"))))).containsExactly("roles");
        assertThat(errors(rules, token(c -> c.remove("roles")))).isEmpty();
        assertThat(TokenRules.roles(token(c -> { }))).containsExactly("LEARNER");
    }

    @Test
    void audiencesAreCheckedWhenConfigured() {
        TokenRules withAudience = new TokenRules(new TokenSettings(ISSUER, Set.of("training-suite"),
                Duration.ofHours(1), false));
        assertThat(errors(withAudience, token(c -> c.put("aud", List.of("other", "training-suite"))))).isEmpty();
        assertThat(errors(withAudience, token(c -> c.put("aud", "training-suite")))).isEmpty();
        assertThat(errors(withAudience, token(c -> c.put("aud", List.of("other"))))).containsExactly("aud");
        assertThat(errors(withAudience, token(c -> { }))).containsExactly("aud");
    }

    @Test
    void serviceTokensMustBeShortLivedAndAreRefusedWhereConfigured() {
        Instant now = Instant.now();
        Consumer<Map<String, Object>> service = c -> c.put("roles", List.of("SERVICE"));
        assertThat(errors(rules, token(service.andThen(c -> c.put("exp", now.plus(Duration.ofMinutes(50))))))).isEmpty();
        assertThat(errors(rules, token(service.andThen(c -> c.put("exp", now.plus(Duration.ofDays(30)))))))
                .containsExactly("service");
        assertThat(errors(rules, token(service.andThen(c -> c.remove("iat"))))).containsExactly("service");

        TokenRules gateway = new TokenRules(new TokenSettings(ISSUER, Set.of(), Duration.ofHours(1), true));
        assertThat(errors(gateway, token(service))).containsExactly("service");
        assertThat(errors(gateway, token(c -> { }))).isEmpty();
    }

    @Test
    void noConfiguredIssuerRefusesToStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new TokenSettings(" ", Set.of(), Duration.ofHours(1), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("platform.security.issuer");
    }

    /** Which rule refused the token: the claim its description starts with. */
    private static List<String> errors(TokenRules rules, Jwt jwt) {
        return rules.validate(jwt).getErrors().stream().map(OAuth2Error::getDescription).map(d -> {
            if (d.startsWith("The iss")) {
                return "iss";
            } else if (d.startsWith("The aud")) {
                return "aud";
            } else if (d.startsWith("The exp")) {
                return "exp";
            } else if (d.startsWith("The sub")) {
                return "sub";
            } else if (d.startsWith("The roles")) {
                return "roles";
            }
            return "service";
        }).toList();
    }

    private static Jwt token(Consumer<Map<String, Object>> change) {
        Instant now = Instant.now();
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("iss", ISSUER, "sub", "person-1",
                "roles", List.of("LEARNER"), "iat", now.minusSeconds(5), "exp", now.plus(Duration.ofMinutes(30))));
        change.accept(claims);
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256");
        claims.forEach(builder::claim);
        return builder.build();
    }
}
