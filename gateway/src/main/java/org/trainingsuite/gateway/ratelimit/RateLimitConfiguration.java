package org.trainingsuite.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.trainingsuite.gateway.problem.ProblemResponses;

/**
 * The rate limits: by address before authentication ({@link AddressRateLimitFilter}), by subject after it
 * ({@link SubjectRateLimitFilter}), buckets in this instance or, with {@code gateway.rate-limit.store=redis},
 * in Redis ({@link RateLimits}). Without that setting Boot's Redis auto-configuration is not even loaded
 * ({@link RedisStoreImportFilter}), so the gateway neither needs nor looks for a Redis.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimits rateLimits(RateLimitProperties properties, ObjectProvider<RedisRateLimiter> shared) {
        return new RateLimits(properties, shared.getIfAvailable(), System::nanoTime);
    }

    @Bean
    ClientAddress clientAddress(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:}") String trustedProxies) {
        return new ClientAddress(trustedProxies);
    }

    @Bean
    AddressRateLimitFilter addressRateLimitFilter(RateLimits limits, ClientAddress addresses, ProblemResponses problems) {
        return new AddressRateLimitFilter(limits, addresses, new RateLimitAnswers(problems), System::nanoTime);
    }

    @Bean
    SubjectRateLimitFilter subjectRateLimitFilter(RateLimits limits, ClientAddress addresses, ProblemResponses problems) {
        return new SubjectRateLimitFilter(limits, addresses, new RateLimitAnswers(problems));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = RedisStoreImportFilter.STORE_PROPERTY, havingValue = "redis")
    static class SharedStore {

        /**
         * Spring Cloud Gateway's limiter with the gateway's two limits as its "routes"; replaces the one its
         * auto-configuration would make (that one has no limits configured).
         */
        @Bean
        RedisRateLimiter sharedRateLimiter(ReactiveStringRedisTemplate redis,
                @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
                ConfigurationService configurationService, RateLimitProperties properties) {
            RedisRateLimiter limiter = new RedisRateLimiter(redis, script, configurationService);
            limiter.getConfig().putAll(RateLimits.sharedConfig(properties));
            return limiter;
        }

        /**
         * While the connection is lost, Lettuce would queue commands until {@code spring.data.redis.timeout};
         * refusing them at once lets {@link RateLimits} switch to this instance's buckets without the wait.
         */
        @Bean
        LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
            return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        }
    }
}
