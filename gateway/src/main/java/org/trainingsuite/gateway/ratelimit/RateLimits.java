package org.trainingsuite.gateway.ratelimit;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The gateway's two token buckets per caller: {@link Limit#ADDRESS} for requests without a token and for
 * failed authentications, {@link Limit#SUBJECT} for authenticated callers.
 *
 * <p>With a shared store (Spring Cloud Gateway's {@link RedisRateLimiter}, one Redis for every replica) the
 * buckets live there; without one, or while it fails, in this instance ({@link ClientRateLimiter}). The
 * Redis limiter fails open: when Redis does not answer it allows the request and says
 * {@code X-RateLimit-Remaining: -1}. Letting everything through while Redis is down would turn a Redis
 * outage into no limit at all, so such an answer is replaced by this instance's bucket, and Redis is left
 * alone for {@link #SHARED_STORE_PAUSE_NANOS} before it is asked again (each failed call costs up to
 * {@code spring.data.redis.timeout}).
 */
final class RateLimits {

    enum Limit {
        ADDRESS("address"), SUBJECT("subject");

        /** The limiter's "route id": names the limit's configuration and its Redis keys. */
        final String id;

        Limit(String id) {
            this.id = id;
        }
    }

    static final String REMAINING = RedisRateLimiter.REMAINING_HEADER;
    static final String RETRY_AFTER = "Retry-After";
    static final long SHARED_STORE_PAUSE_NANOS = 5_000_000_000L;

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final Map<Limit, ClientRateLimiter> local = new EnumMap<>(Limit.class);
    private final RateLimiter<?> shared;
    private final LongSupplier nanoTime;
    private volatile boolean sharedFailing;
    private volatile long sharedFailedAt;

    /**
     * @param shared a limiter configured with {@link Limit#id} as route ids and the same numbers, or null for
     *               this instance's buckets only
     */
    RateLimits(RateLimitProperties properties, RateLimiter<?> shared, LongSupplier nanoTime) {
        this.shared = shared;
        this.nanoTime = nanoTime;
        local.put(Limit.ADDRESS, new ClientRateLimiter(properties.anonymous().replenishPerSecond(),
                properties.anonymous().burst(), nanoTime));
        local.put(Limit.SUBJECT, new ClientRateLimiter(properties.replenishPerSecond(), properties.burst(), nanoTime));
    }

    /** The configuration of the shared limiter for each {@link Limit#id}. */
    static Map<String, RedisRateLimiter.Config> sharedConfig(RateLimitProperties properties) {
        Map<String, RedisRateLimiter.Config> config = new LinkedHashMap<>();
        // Whole requests per second (RateLimitProperties checks it for this store); rate before burst: the
        // Config checks that the burst is not below the rate.
        config.put(Limit.ADDRESS.id, new RedisRateLimiter.Config()
                .setReplenishRate((int) properties.anonymous().replenishPerSecond())
                .setBurstCapacity(properties.anonymous().burst()));
        config.put(Limit.SUBJECT.id, new RedisRateLimiter.Config()
                .setReplenishRate((int) properties.replenishPerSecond())
                .setBurstCapacity(properties.burst()));
        return config;
    }

    /** Takes one token of {@code key}'s bucket of {@code limit}; denied answers carry {@code Retry-After}. */
    Mono<RateLimiter.Response> take(Limit limit, String key) {
        if (shared == null || sharedPaused()) {
            return local(limit, key);
        }
        return shared.isAllowed(limit.id, key).flatMap(response -> {
            if ("-1".equals(response.getHeaders().get(REMAINING))) {
                sharedFailed();
                return local(limit, key);
            }
            sharedAnswered();
            return Mono.just(response.isAllowed() ? response : withRetryAfter(response));
        });
    }

    private Mono<RateLimiter.Response> local(Limit limit, String key) {
        return local.get(limit).isAllowed(limit.id, key);
    }

    private boolean sharedPaused() {
        return sharedFailing && nanoTime.getAsLong() - sharedFailedAt < SHARED_STORE_PAUSE_NANOS;
    }

    private void sharedFailed() {
        if (!sharedFailing) {
            log.warn("The shared rate limit store (Redis) does not answer: this instance's buckets limit until it does");
        }
        sharedFailedAt = nanoTime.getAsLong();
        sharedFailing = true;
    }

    private void sharedAnswered() {
        if (sharedFailing) {
            sharedFailing = false;
            log.info("The shared rate limit store (Redis) answers again");
        }
    }

    /** Redis' bucket refills once a second (its script counts whole seconds) by a whole rate of at least one. */
    private static RateLimiter.Response withRetryAfter(RateLimiter.Response denied) {
        Map<String, String> headers = new LinkedHashMap<>(denied.getHeaders());
        headers.put(RETRY_AFTER, "1");
        return new RateLimiter.Response(false, headers);
    }
}
