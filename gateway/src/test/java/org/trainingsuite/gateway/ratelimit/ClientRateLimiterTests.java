package org.trainingsuite.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

class ClientRateLimiterTests {

    private final AtomicLong now = new AtomicLong();
    private final ClientRateLimiter limiter = new ClientRateLimiter(2, 3, now::get);

    @Test
    void aClientGetsItsBurstThenWaitsForTheBucketToRefill() {
        for (int left = 2; left >= 0; left--) {
            RateLimiter.Response r = ask("sub:alice");
            assertThat(r.isAllowed()).isTrue();
            assertThat(r.getHeaders()).containsEntry("X-RateLimit-Remaining", Integer.toString(left));
        }
        RateLimiter.Response denied = ask("sub:alice");
        assertThat(denied.isAllowed()).isFalse();
        assertThat(denied.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
        assertThat(ask("sub:bob").isAllowed()).as("another client has its own bucket").isTrue();

        now.addAndGet(500_000_000L); // half a second at 2 per second: one token back
        assertThat(ask("sub:alice").isAllowed()).isTrue();
        assertThat(ask("sub:alice").isAllowed()).isFalse();

        now.addAndGet(60_000_000_000L); // a long pause fills the bucket up to the burst, not beyond
        for (int i = 0; i < 3; i++) {
            assertThat(ask("sub:alice").isAllowed()).isTrue();
        }
        assertThat(ask("sub:alice").isAllowed()).isFalse();
    }

    private RateLimiter.Response ask(String key) {
        return limiter.isAllowed("directory-service", key).block();
    }
}
