package org.trainingsuite.platform.web;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's token rules, shared by every servlet service: roles come from the {@code roles} claim
 * ({@code ADMIN}, {@code LEARNER}) as {@code ROLE_*} authorities, and the person is the token's
 * {@code sub}. 401 and 403 are problem responses like every other error.
 */
public final class PlatformSecurity {

    public static final String ADMIN = "ADMIN";
    public static final String LEARNER = "LEARNER";

    private PlatformSecurity() {
    }

    /** Maps the {@code roles} claim to {@code ROLE_<role>} authorities. */
    public static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /** The current person's id: the {@code sub} of the token. */
    public static String personId(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt.getSubject();
        }
        throw new IllegalStateException("no JWT principal");
    }

    static AuthenticationEntryPoint unauthorized(JsonMapper json) {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid bearer token is required"));
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, exception) -> write(json, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your role does not allow this action"));
    }

    private static void write(JsonMapper json, jakarta.servlet.http.HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
