package org.trainingsuite.platform.test;

import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context of a module at the shared real servers and the test token key.
 *
 * <p>The properties are resolved lazily: PostgreSQL starts only when a context asks for
 * {@code spring.datasource.url}, Kafka only when it asks for a bootstrap address. A test that sets one
 * of these properties itself ({@code @SpringBootTest(properties = ...)}) keeps its own value.
 * Registered in {@code META-INF/spring.factories}, so a service test needs no annotation at all.
 */
public class RealServersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new RealServersContextCustomizer();
    }

    static final class RealServersContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            ConfigurableEnvironment environment = context.getEnvironment();
            MutablePropertySources sources = environment.getPropertySources();
            RealServersPropertySource source = new RealServersPropertySource();
            if (sources.contains("Inlined Test Properties")) {
                sources.addAfter("Inlined Test Properties", source);
            } else {
                sources.addFirst(source);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RealServersContextCustomizer;
        }

        @Override
        public int hashCode() {
            return RealServersContextCustomizer.class.hashCode();
        }
    }

    /**
     * Enumerable, because Spring Cloud Stream builds its binder's own context from the enumerable
     * property sources; the values are still computed only when asked for.
     */
    static final class RealServersPropertySource extends EnumerablePropertySource<Object> {

        private static final String[] NAMES = {
                "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers",
                "spring.security.oauth2.resourceserver.jwt.public-key-location", "platform.security.issuer",
                "spring.datasource.hikari.connection-timeout"};

        RealServersPropertySource() {
            super("realServers", new Object());
        }

        @Override
        public String[] getPropertyNames() {
            return NAMES.clone();
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> TestPostgres.get().jdbcUrl();
                case "spring.datasource.username" -> TestPostgres.get().username();
                case "spring.datasource.password" -> TestPostgres.get().password();
                case "spring.kafka.bootstrap-servers", "spring.cloud.stream.kafka.binder.brokers" ->
                        TestKafka.bootstrapServers();
                case "spring.security.oauth2.resourceserver.jwt.public-key-location" ->
                        "file:" + TestTokens.publicKeyFile().toAbsolutePath();
                case "platform.security.issuer" -> TestTokens.ISSUER;
                // At JVM exit the embedded PostgreSQL may stop before the Spring context: the outbox relay's
                // final pass then waits this long for a connection, not Hikari's default 30 s.
                case "spring.datasource.hikari.connection-timeout" -> "5000";
                default -> null;
            };
        }
    }
}
