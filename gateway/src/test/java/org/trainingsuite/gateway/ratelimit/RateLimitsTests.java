package org.trainingsuite.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.trainingsuite.gateway.ratelimit.RateLimitProperties.Anonymous;
import org.trainingsuite.gateway.ratelimit.RateLimitProperties.Store;
import org.trainingsuite.gateway.ratelimit.RateLimits.Limit;

class RateLimitsTests {

    private final AtomicLong now = new AtomicLong();
    private final RateLimitProperties properties = new RateLimitProperties(Store.REDIS, 3, 1, new Anonymous(2, 1));

    @Test
    void withoutASharedStoreEachLimitHasItsOwnBucketsHere() {
        RateLimits limits = new RateLimits(properties, null, now::get);

        assertThat(take(limits, Limit.ADDRESS, "203.0.113.1").isAllowed()).isTrue();
        assertThat(take(limits, Limit.ADDRESS, "203.0.113.1").isAllowed()).isTrue();
        RateLimiter.Response refused = take(limits, Limit.ADDRESS, "203.0.113.1");
        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Burst-Capacity", "2");
        assertThat(take(limits, Limit.SUBJECT, "203.0.113.1").getHeaders())
                .as("the subject limit is another bucket, with another burst")
                .containsEntry("X-RateLimit-Burst-Capacity", "3");
    }

    /**
     * Redis' limiter answers "allowed, -1 left" when Redis does not answer. Here nothing listens on the port at
     * first: the local buckets must limit instead; once Redis is there and the pause is over, Redis' buckets
     * count again.
     */
    @Test
    void whenRedisDoesNotAnswerThisInstancesBucketsLimitUntilItAnswersAgain() throws Exception {
        int port = TestRedis.freePort();
        LettuceConnectionFactory connections = connections(port);
        try {
            RedisRateLimiter redisLimiter = new RedisRateLimiter(new ReactiveStringRedisTemplate(connections), script(), null);
            redisLimiter.getConfig().putAll(RateLimits.sharedConfig(properties));
            RateLimits limits = new RateLimits(properties, redisLimiter, now::get);

            assertThat(take(limits, Limit.ADDRESS, "203.0.113.2").getHeaders()).containsEntry("X-RateLimit-Remaining", "1");
            assertThat(take(limits, Limit.ADDRESS, "203.0.113.2").isAllowed()).isTrue();
            RateLimiter.Response refused = take(limits, Limit.ADDRESS, "203.0.113.2");
            assertThat(refused.isAllowed()).as("a Redis outage is not the end of the limit").isFalse();
            assertThat(refused.getHeaders()).containsEntry("Retry-After", "1");

            TestRedis redis;
            try {
                redis = TestRedis.embeddedOn(port);
            } catch (Exception notHere) {
                Assumptions.abort("embedded-redis does not run here, so Redis cannot come back on the same port: " + notHere);
                return;
            }
            try (redis) {
                now.addAndGet(RateLimits.SHARED_STORE_PAUSE_NANOS - 1);
                assertThat(take(limits, Limit.ADDRESS, "203.0.113.2").getHeaders())
                        .as("within the pause Redis is not asked")
                        .doesNotContainKey(RedisRateLimiter.REQUESTED_TOKENS_HEADER);

                now.addAndGet(1);
                assertThat(take(limits, Limit.ADDRESS, "203.0.113.2").getHeaders())
                        .as("Redis' own, fresh bucket")
                        .containsEntry(RedisRateLimiter.REQUESTED_TOKENS_HEADER, "1")
                        .containsEntry("X-RateLimit-Remaining", "1");
                // Redis refills by whole seconds of its own clock, which may tick between two calls
                RateLimiter.Response sharedRefusal = null;
                for (int call = 0; call < 10 && sharedRefusal == null; call++) {
                    RateLimiter.Response response = take(limits, Limit.ADDRESS, "203.0.113.2");
                    sharedRefusal = response.isAllowed() ? null : response;
                }
                assertThat(sharedRefusal).as("Redis' bucket of 2, refilled by 1 a second, runs out").isNotNull();
                assertThat(sharedRefusal.getHeaders()).containsEntry("Retry-After", "1")
                        .containsEntry("X-RateLimit-Remaining", "0")
                        .containsKey(RedisRateLimiter.REQUESTED_TOKENS_HEADER);
            }
        } finally {
            connections.destroy();
        }
    }

    private static RateLimiter.Response take(RateLimits limits, Limit limit, String key) {
        return limits.take(limit, key).block(Duration.ofSeconds(5));
    }

    /** As the gateway configures Lettuce: short timeouts, commands refused while disconnected. */
    private static LettuceConnectionFactory connections(int port) {
        LettuceClientConfiguration client = LettuceClientConfiguration.builder()
                .commandTimeout(Duration.ofMillis(500))
                .clientOptions(ClientOptions.builder()
                        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build())
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .build())
                .build();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port), client);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DefaultRedisScript<List<Long>> script() {
        DefaultRedisScript script = new DefaultRedisScript<>();
        script.setLocation(new ClassPathResource("META-INF/scripts/request_rate_limiter.lua"));
        script.setResultType(List.class);
        return script;
    }
}
