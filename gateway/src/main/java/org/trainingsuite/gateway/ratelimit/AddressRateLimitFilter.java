package org.trainingsuite.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.trainingsuite.gateway.ratelimit.RateLimits.Limit;
import reactor.core.publisher.Mono;

/**
 * The limit per client address, before Spring Security spends anything on a request:
 *
 * <ul>
 * <li>A request without an {@code Authorization} header takes a token of its address' bucket; without one it
 *     is a 429 problem. CORS preflights are not counted: the gateway answers them itself, for no more than a
 *     429 would cost, and the browsers of a whole office behind one address send one per URL.</li>
 * <li>A request with one goes on to authentication without taking a token (so people behind one NAT address
 *     are not limited by each other's anonymous traffic); if the gateway answers it 401, the failed
 *     authentication takes a token of the same bucket. When the bucket is empty the address is blocked: its
 *     requests with a token are 429 problems, before their signature is checked, until {@code Retry-After}
 *     has passed. The block is remembered by the instance that saw the empty bucket; with the shared store
 *     each replica learns it from its own first failure.</li>
 * </ul>
 */
final class AddressRateLimitFilter implements WebFilter, Ordered {

    /** Before Spring Security's {@code WebFilterChainProxy} (-100). */
    static final int ORDER = -200;
    /** Set on a request without credentials, dealt with here, so the filter after security does not charge it again. */
    static final String CHARGED_ATTRIBUTE = AddressRateLimitFilter.class.getName() + ".charged";
    static final int MAX_BLOCKED = 100_000;

    /** An address refused until {@code untilNanos}, with the rate limit headers of the refusal that blocked it. */
    private record Block(long untilNanos, Map<String, String> headers) {
    }

    private final RateLimits limits;
    private final ClientAddress addresses;
    private final RateLimitAnswers answers;
    private final LongSupplier nanoTime;
    private final Map<String, Block> blocked = new ConcurrentHashMap<>();

    AddressRateLimitFilter(RateLimits limits, ClientAddress addresses, RateLimitAnswers answers, LongSupplier nanoTime) {
        this.limits = limits;
        this.addresses = addresses;
        this.answers = answers;
        this.nanoTime = nanoTime;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = addresses.of(exchange);
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            Block block = blockOf(address);
            if (block != null) {
                return answers.refuse(exchange, withRetryAfter(block));
            }
            return chain.filter(exchange).then(Mono.defer(() -> authenticationFailed(exchange)
                    ? chargeFailure(address)
                    : Mono.empty()));
        }
        exchange.getAttributes().put(CHARGED_ATTRIBUTE, Boolean.TRUE);
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return limits.take(Limit.ADDRESS, address).flatMap(decision -> answers.admit(exchange, chain, decision));
    }

    /**
     * A 401 to a request that carried credentials: the gateway refused its token (or a service refused what the
     * gateway let through, which counts the same).
     */
    private static boolean authenticationFailed(ServerWebExchange exchange) {
        return exchange.getResponse().getStatusCode() != null
                && exchange.getResponse().getStatusCode().value() == HttpStatus.UNAUTHORIZED.value();
    }

    private Mono<Void> chargeFailure(String address) {
        return limits.take(Limit.ADDRESS, address)
                .doOnNext(decision -> {
                    if (!decision.isAllowed()) {
                        block(address, decision);
                    }
                })
                .then();
    }

    private void block(String address, RateLimiter.Response refusal) {
        long now = nanoTime.getAsLong();
        if (blocked.size() >= MAX_BLOCKED) {
            blocked.values().removeIf(block -> block.untilNanos() - now <= 0);
            if (blocked.size() >= MAX_BLOCKED) {
                // Memory stays bounded; this address is still charged per failure, only not refused up front.
                return;
            }
        }
        long seconds = RateLimitAnswers.retryAfterSeconds(refusal.getHeaders());
        blocked.put(address, new Block(now + TimeUnit.SECONDS.toNanos(seconds), refusal.getHeaders()));
    }

    private Block blockOf(String address) {
        Block block = blocked.get(address);
        if (block != null && block.untilNanos() - nanoTime.getAsLong() <= 0) {
            blocked.remove(address, block);
            return null;
        }
        return block;
    }

    private Map<String, String> withRetryAfter(Block block) {
        long leftNanos = block.untilNanos() - nanoTime.getAsLong();
        Map<String, String> headers = new LinkedHashMap<>(block.headers());
        headers.put(RateLimits.RETRY_AFTER, Long.toString(Math.max(1, (leftNanos + 999_999_999L) / 1_000_000_000L)));
        return headers;
    }
}
