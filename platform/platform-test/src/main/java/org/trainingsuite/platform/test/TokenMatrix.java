package org.trainingsuite.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad tokens every entry point of the suite must answer with a 401 problem, never a 200 and never a
 * 500: forged, {@code alg: none}, expired, from another issuer, without {@code exp}, without {@code sub},
 * with malformed {@code roles}, a long-lived SERVICE token. Used by every service's tests on its own port
 * and by the gateway's.
 */
public final class TokenMatrix {

    private TokenMatrix() {
    }

    /** Each bad token by what is wrong with it. */
    public static Map<String, String> badTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("forged (another key)", forged());
        tokens.put("alg none", unsigned());
        tokens.put("not a JWT", "abc.def.ghi");
        tokens.put("expired", TestTokens.mint(c -> c.subject("person-1").claim("roles", List.of("ADMIN"))
                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(3))))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(2))))));
        tokens.put("wrong issuer", TestTokens.mint(c -> c.subject("person-1").claim("roles", List.of("ADMIN"))
                .issuer("https://attacker.example.org")));
        tokens.put("no exp", TestTokens.mint(c -> c.subject("person-1").claim("roles", List.of("ADMIN"))
                .expirationTime(null)));
        tokens.put("no sub", TestTokens.mint(c -> c.claim("roles", List.of("ADMIN"))));
        tokens.put("NUL in sub", TestTokens.mint(c -> c.subject("a\u0000b").claim("roles", List.of("ADMIN"))));
        tokens.put("nested roles", TestTokens.mint(c -> c.subject("person-1").claim("roles", List.of(List.of("ADMIN")))));
        tokens.put("roles as text", TestTokens.mint(c -> c.subject("person-1").claim("roles", "ADMIN")));
        tokens.put("roles as object", TestTokens.mint(c -> c.subject("person-1").claim("roles", Map.of("ADMIN", true))));
        tokens.put("SERVICE for 30 days", TestTokens.mint(c -> c.subject("some-service").claim("roles", List.of("SERVICE"))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(30))))));
        return tokens;
    }

    /** Sends each bad token to {@code GET baseUrl + path} and asserts a 401 problem for every one. */
    public static void assertAllRefused(String baseUrl, String path) {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> answers = new LinkedHashMap<>();
        badTokens().forEach((what, token) -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String type = response.headers().firstValue("Content-Type").orElse("");
                answers.put(what, response.statusCode() + " " + (type.startsWith("application/problem+json") ? "problem" : type));
            } catch (IOException e) {
                answers.put(what, "failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Map<String, String> expected = new LinkedHashMap<>();
        answers.keySet().forEach(what -> expected.put(what, "401 problem"));
        assertThat(answers).as("answers of GET %s%s to bad tokens", baseUrl, path).isEqualTo(expected);
    }

    private static String forged() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), validClaims());
            jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
            return jwt.serialize();
        } catch (NoSuchAlgorithmException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(validClaims().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static JWTClaimsSet validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject("person-1").issuer(TestTokens.ISSUER).claim("roles", List.of("ADMIN"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build();
    }
}
