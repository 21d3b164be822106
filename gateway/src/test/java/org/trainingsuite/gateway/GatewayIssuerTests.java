package org.trainingsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trainingsuite.platform.test.TestTokens;

/**
 * Where the one accepted {@code iss} comes from (application.yml): {@code PLATFORM_SECURITY_ISSUER}, else the
 * identity provider's {@code issuer-uri}; with neither the gateway must not start, rather than accept tokens of
 * any issuer. Plain application runs, not test contexts, which would be given the test issuer.
 */
class GatewayIssuerTests {

    private static final String KEY = "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:"
            + TestTokens.publicKeyFile().toAbsolutePath();

    @BeforeEach
    void noIssuerFromTheEnvironment() {
        Assumptions.assumeTrue(System.getenv("PLATFORM_SECURITY_ISSUER") == null
                        && System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") == null,
                "the environment names an issuer");
    }

    @Test
    void withoutAnIssuerTheGatewayDoesNotStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0", KEY).close())
                .rootCause()
                .hasMessageStartingWith("No token issuer is configured");
    }

    /** Only the setting is read: the identity provider's decoder would fetch its keys from it on first use. */
    @Test
    void theIdentityProvidersIssuerUriIsTheIssuerWhenNoOtherIsNamed() {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0", KEY,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.org/realms/suite")) {
            assertThat(gateway.getEnvironment().getProperty("platform.security.issuer"))
                    .isEqualTo("https://login.example.org/realms/suite");
        }
    }
}
