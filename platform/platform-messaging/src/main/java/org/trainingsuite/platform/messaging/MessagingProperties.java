package org.trainingsuite.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of platform-messaging ({@code platform.messaging.*}).
 *
 * @param source   CloudEvents source of the events this service emits; defaults to
 *                 {@code /<spring.application.name>}
 * @param relay    the outbox relay
 * @param consumer the failure policy of consumers
 * @param inbox    how long applied event ids are remembered
 */
@ConfigurationProperties("platform.messaging")
public record MessagingProperties(String source, @DefaultValue Relay relay, @DefaultValue Consumer consumer,
                                  @DefaultValue Inbox inbox) {

    /**
     * @param enabled    whether this instance runs a relay (every replica may; only one relays at a time)
     * @param interval   idle poll interval; a commit that writes events wakes the relay at once
     * @param maxBackoff longest wait between passes while the broker is failing
     * @param batchSize  rows per pass (one database transaction)
     * @param sendTimeout how long one pass waits for the broker before keeping its rows for later
     */
    public record Relay(@DefaultValue("true") boolean enabled,
                        @DefaultValue("500ms") Duration interval,
                        @DefaultValue("10s") Duration maxBackoff,
                        @DefaultValue("500") int batchSize,
                        @DefaultValue("10s") Duration sendTimeout) {
    }

    /**
     * @param maxRetries     retries of a failing record before it is dead-lettered (attempts = retries + 1)
     * @param initialBackoff first wait between retries; doubles each time
     * @param maxBackoff     longest wait between retries
     */
    public record Consumer(@DefaultValue("3") int maxRetries,
                           @DefaultValue("200ms") Duration initialBackoff,
                           @DefaultValue("2s") Duration maxBackoff) {
    }

    /**
     * @param retention how long an applied event id is kept; longer than the topics' retention (Kafka's
     *                  default is 7 days), since a redelivery can only come from what a topic still holds
     */
    public record Inbox(@DefaultValue("30d") Duration retention) {
    }
}
