package org.trainingsuite.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The suite's rules for a bearer token, on top of the signature and time checks of Spring Security's
 * decoder. Every servlet service and the gateway apply the same rules (see {@link TokenRulesAutoConfiguration}):
 *
 * <ul>
 * <li>{@code iss} equals the configured issuer; {@code aud} holds one of the configured audiences when
 *     audiences are configured;</li>
 * <li>{@code exp} is present (a token that never expires is refused), and so is {@code sub}: 1 to
 *     {@value #MAX_SUBJECT_LENGTH} characters, no control characters, since it is the person id every
 *     {@code /me} endpoint stores and queries;</li>
 * <li>{@code roles}, when present, is a flat array of role names ({@code ["ADMIN"]}); anything else
 *     (a nested array, a number, an object) makes the token invalid, a 401, rather than a 500 later;</li>
 * <li>a token with the {@value #SERVICE} role is short-lived ({@code iat} present and at most
 *     {@link TokenSettings#maxServiceTokenLifetime()} before {@code exp}) and, where
 *     {@link TokenSettings#refuseServiceTokens()} is set (the public gateway), refused outright.</li>
 * </ul>
 *
 * <p>A refused token answers 401 like a forged one; the reason is logged at debug level by Spring
 * Security, never told to the caller.
 */
public final class TokenRules implements OAuth2TokenValidator<Jwt> {

    /** The claim holding the role names. */
    public static final String ROLES_CLAIM = "roles";
    /** The role of a service calling another; never a person's. */
    public static final String SERVICE = "SERVICE";
    static final int MAX_SUBJECT_LENGTH = 255;

    private static final Pattern ROLE_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final TokenSettings settings;

    public TokenRules(TokenSettings settings) {
        this.settings = settings;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<OAuth2Error> errors = new ArrayList<>();
        Object issuer = jwt.getClaims().get("iss");
        if (issuer == null || !settings.issuer().equals(issuer.toString())) {
            errors.add(invalid("The iss claim is not the expected issuer"));
        }
        if (!settings.audiences().isEmpty() && !hasAudience(jwt.getClaims().get("aud"), settings.audiences())) {
            errors.add(invalid("The aud claim names none of the expected audiences"));
        }
        if (jwt.getExpiresAt() == null) {
            errors.add(invalid("The exp claim is required"));
        }
        Object subject = jwt.getClaims().get("sub");
        if (!(subject instanceof String sub) || sub.isBlank() || sub.length() > MAX_SUBJECT_LENGTH
                || CONTROL.matcher(sub).find()) {
            errors.add(invalid("The sub claim must be a non-blank text of at most " + MAX_SUBJECT_LENGTH
                    + " characters without control characters"));
        }
        Object roles = jwt.getClaims().get(ROLES_CLAIM);
        if (roles != null && !isRoleList(roles)) {
            errors.add(invalid("The roles claim must be an array of role names"));
        } else if (roles != null && ((Collection<?>) roles).contains(SERVICE)) {
            serviceTokenErrors(jwt, errors);
        }
        return errors.isEmpty() ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(errors);
    }

    /** The role names of a token these rules accepted ({@code ["ADMIN"]} gives {@code [ADMIN]}). */
    public static List<String> roles(Jwt jwt) {
        Object roles = jwt.getClaims().get(ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return ((Collection<?>) roles).stream().map(String.class::cast).toList();
    }

    private void serviceTokenErrors(Jwt jwt, List<OAuth2Error> errors) {
        if (settings.refuseServiceTokens()) {
            errors.add(invalid("Service tokens are not accepted here"));
            return;
        }
        Instant issuedAt = jwt.getIssuedAt();
        Instant expiresAt = jwt.getExpiresAt();
        if (issuedAt == null || expiresAt == null
                || Duration.between(issuedAt, expiresAt).compareTo(settings.maxServiceTokenLifetime()) > 0) {
            errors.add(invalid("A service token must carry iat and live at most "
                    + settings.maxServiceTokenLifetime()));
        }
    }

    private static boolean isRoleList(Object roles) {
        if (!(roles instanceof Collection<?> list)) {
            return false;
        }
        for (Object role : list) {
            if (!(role instanceof String name) || !ROLE_NAME.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAudience(Object aud, Set<String> expected) {
        if (aud instanceof String single) {
            return expected.contains(single);
        }
        if (aud instanceof Collection<?> list) {
            return list.stream().anyMatch(a -> a instanceof String s && expected.contains(s));
        }
        return false;
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
