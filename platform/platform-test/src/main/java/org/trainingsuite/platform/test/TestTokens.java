package org.trainingsuite.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Mints signed JWTs that every service under test accepts.
 *
 * <p>One RSA key pair per test JVM; its public key is written to a file that the test context
 * points {@code spring.security.oauth2.resourceserver.jwt.public-key-location} at (see
 * {@link RealServersContextCustomizerFactory}), the same way the local stack configures services.
 */
public final class TestTokens {

    /** Issuer claim of test tokens. */
    public static final String ISSUER = "training-suite-test";

    private static final KeyPair KEYS = generate();
    private static volatile Path publicKeyFile;

    private TestTokens() {
    }

    /** A token for {@code subject} holding {@code roles} (e.g. "ADMIN", "LEARNER"), valid for 30 minutes (so a SERVICE token is short-lived enough). */
    public static String mint(String subject, String... roles) {
        return mint(subject, Duration.ofMinutes(30), roles);
    }

    /** A token valid for {@code validity} from now; a negative validity gives an expired token. */
    public static String mint(String subject, Duration validity, String... roles) {
        return mint(claims -> claims.subject(subject).claim("roles", List.of(roles))
                .expirationTime(Date.from(Instant.now().plus(validity))));
    }

    /**
     * A token signed with the test key whose claims start as a valid one's (issuer, {@code iat}, an hour's
     * {@code exp}) and are then changed by {@code claims}, e.g. {@code c -> c.issuer("other")} or
     * {@code c -> c.expirationTime(null)}: the bad tokens of the security tests.
     */
    public static String mint(java.util.function.Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), builder.build());
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** "Bearer ..." header value for an ADMIN token of {@code subject}. */
    public static String bearerAdmin(String subject) {
        return "Bearer " + mint(subject, "ADMIN");
    }

    /** "Bearer ..." header value for a LEARNER token of {@code subject}. */
    public static String bearerLearner(String subject) {
        return "Bearer " + mint(subject, "LEARNER");
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo). */
    public static String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(KEYS.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** A file holding {@link #publicKeyPem()}, written once per JVM. */
    public static Path publicKeyFile() {
        Path local = publicKeyFile;
        if (local == null) {
            synchronized (TestTokens.class) {
                local = publicKeyFile;
                if (local == null) {
                    try {
                        local = Files.createTempFile("test-jwt-", ".pub.pem");
                        Files.writeString(local, publicKeyPem());
                        local.toFile().deleteOnExit();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    publicKeyFile = local;
                }
            }
        }
        return local;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
