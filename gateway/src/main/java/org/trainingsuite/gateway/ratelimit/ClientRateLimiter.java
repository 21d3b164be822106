package org.trainingsuite.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Token buckets in this gateway instance, one per key (an address or a subject, see {@link RateLimits}): up
 * to {@code burst} requests at once, refilled at {@code replenishPerSecond}. A denied answer carries
 * {@code Retry-After} (seconds until one token is back); every answer the {@code X-RateLimit-*} headers.
 *
 * <p>With N replicas behind a load balancer a client gets up to N times the rate from these buckets; that is
 * what the shared Redis store is for, and these buckets are its fallback. Buckets of clients idle for a minute
 * are dropped when there are many, so memory stays bounded.
 */
final class ClientRateLimiter implements RateLimiter<Object> {

    static final int MAX_BUCKETS = 100_000;
    private static final long IDLE_NANOS = 60_000_000_000L;

    private final double replenishPerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(double replenishPerSecond, int burst, LongSupplier nanoTime) {
        if (replenishPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs replenish-per-second > 0 and burst >= 1");
        }
        this.replenishPerSecond = replenishPerSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        double left = bucket.take(now, replenishPerSecond, burst);
        boolean allowed = left >= 0;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("X-RateLimit-Remaining", Long.toString(Math.max(0, (long) Math.floor(allowed ? left : 0))));
        headers.put("X-RateLimit-Burst-Capacity", Integer.toString(burst));
        headers.put("X-RateLimit-Replenish-Rate", stripped(replenishPerSecond));
        if (!allowed) {
            // until one token is back
            headers.put("Retry-After", Long.toString((long) Math.ceil((1 - bucket.tokens()) / replenishPerSecond)));
        }
        return Mono.just(new Response(allowed, headers));
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }

    private static String stripped(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** Tokens of one client, refilled lazily when asked. */
    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.refilledAt = now;
        }

        /** Takes a token; returns what is left after, or -1 when there was none. */
        synchronized double take(long now, double perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens < 1) {
                return -1;
            }
            tokens -= 1;
            return tokens;
        }

        synchronized double tokens() {
            return tokens;
        }

        synchronized long idleSince(long now) {
            return now - refilledAt;
        }
    }
}
