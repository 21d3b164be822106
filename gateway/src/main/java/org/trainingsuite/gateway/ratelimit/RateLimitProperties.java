package org.trainingsuite.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code gateway.rate-limit.*}, see application.yml and README.md).
 *
 * @param store              where the buckets live: {@code local} (this instance) or {@code redis} (shared by
 *                           every replica, {@code spring.data.redis.*}; this instance's buckets while Redis fails)
 * @param burst              requests an authenticated subject may send at once
 * @param replenishPerSecond requests per second an authenticated subject gets back
 * @param anonymous          the limit per client address: requests without a token, and failed authentications
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("local") Store store, @DefaultValue("100") int burst,
                                  @DefaultValue("50") double replenishPerSecond, @DefaultValue Anonymous anonymous) {

    public RateLimitProperties {
        check("gateway.rate-limit", burst, replenishPerSecond, store);
        check("gateway.rate-limit.anonymous", anonymous.burst(), anonymous.replenishPerSecond(), store);
    }

    /**
     * @param burst              requests one address may send at once without a token (or with a failing one)
     * @param replenishPerSecond requests per second the address gets back
     */
    public record Anonymous(@DefaultValue("60") int burst, @DefaultValue("20") double replenishPerSecond) {
    }

    public enum Store { LOCAL, REDIS }

    /**
     * The same limit must work in both stores: Redis' token bucket takes whole requests per second and
     * refuses a burst below the rate.
     */
    private static void check(String prefix, int burst, double replenishPerSecond, Store store) {
        if (replenishPerSecond <= 0 || burst < 1 || burst < replenishPerSecond) {
            throw new IllegalArgumentException(prefix + " needs replenish-per-second > 0 and a burst of at least "
                    + "1 and at least replenish-per-second (burst " + burst + ", replenish-per-second "
                    + replenishPerSecond + ")");
        }
        if (store == Store.REDIS && (replenishPerSecond < 1 || replenishPerSecond != Math.rint(replenishPerSecond))) {
            throw new IllegalArgumentException(prefix + ".replenish-per-second must be a whole number of at least 1 "
                    + "with the redis store, not " + replenishPerSecond);
        }
    }
}
