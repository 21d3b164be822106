package org.trainingsuite.gateway.ratelimit;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Boot's Redis auto-configurations (connection factory, templates, repositories, health, metrics)
 * and Spring Cloud Gateway's Redis one unless {@code gateway.rate-limit.store=redis}. Redis is on the class
 * path for the shared rate limits only; without this, a gateway with no Redis would still create a
 * connection factory for localhost:6379 and report itself DOWN through the Redis health indicator.
 * Registered in {@code META-INF/spring.factories}.
 */
final class RedisStoreImportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String STORE_PROPERTY = "gateway.rate-limit.store";

    private static final String BOOT_REDIS = "org.springframework.boot.data.redis.";
    private static final String GATEWAY_REDIS = "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean redis = Binder.get(environment).bind(STORE_PROPERTY, String.class)
                .map(store -> store.trim().equalsIgnoreCase("redis"))
                .orElse(false);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = redis || candidate == null
                    || !(candidate.startsWith(BOOT_REDIS) || candidate.equals(GATEWAY_REDIS));
        }
        return match;
    }
}
