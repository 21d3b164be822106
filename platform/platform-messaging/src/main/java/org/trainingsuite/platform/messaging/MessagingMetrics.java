package org.trainingsuite.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meters of the outbox, the inbox and the dead-letter policy, under the names the dashboards and alerts
 * of {@code deploy/observability} use (Prometheus names in brackets):
 * <ul>
 *   <li>{@code outbox.backlog} [{@code outbox_backlog}]: events written and not yet acknowledged by the broker;</li>
 *   <li>{@code outbox.oldest.age} [{@code outbox_oldest_age_seconds}]: how long the oldest of them has waited,
 *       0 when there is none: the delay a broker outage adds;</li>
 *   <li>{@code outbox.relay.sent} and {@code outbox.relay.failures} [{@code outbox_relay_sent_total},
 *       {@code outbox_relay_failures_total}], by {@code topic}: events published, and events a pass kept for
 *       the next one;</li>
 *   <li>{@code inbox.duplicates} [{@code inbox_duplicates_total}], by {@code consumer}: redelivered events
 *       skipped because they had been applied;</li>
 *   <li>{@code dead.letters} [{@code dead_letters_total}], by {@code topic} (the source topic): records sent to
 *       {@code <topic>.dlq} after their retries.</li>
 * </ul>
 * The two outbox gauges are read from the table every {@value #GAUGE_REFRESH_SECONDS} seconds by a thread of their
 * own, however often they are scraped. Without a meter registry in the context, the meters go to a private one nobody reads.
 */
public final class MessagingMetrics {

    static final long GAUGE_REFRESH_SECONDS = 5;

    private final MeterRegistry registry;
    private ScheduledExecutorService refresher;

    public MessagingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that count but are never exported (tests, a service without actuator). */
    public static MessagingMetrics unexported() {
        return new MessagingMetrics(new SimpleMeterRegistry());
    }

    public void relayed(String topic, int events) {
        if (events > 0) {
            Counter.builder("outbox.relay.sent").description("Outbox events published and acknowledged")
                    .tag("topic", topic).register(registry).increment(events);
        }
    }

    public void relayFailed(String topic, int events) {
        if (events > 0) {
            Counter.builder("outbox.relay.failures").description("Outbox events a relay pass kept for the next one")
                    .tag("topic", topic).register(registry).increment(events);
        }
    }

    public void duplicateSkipped(String consumer) {
        duplicates(consumer).increment();
    }

    /** Shows the consumer's duplicate count (0) before its first duplicate. */
    public void consumerStarted(String consumer) {
        duplicates(consumer);
    }

    public void deadLettered(String topic) {
        deadLetters(topic).increment();
    }

    /** Shows the topic's dead-letter count (0) before its first dead letter. */
    public void consuming(String topic) {
        deadLetters(topic);
    }

    private Counter duplicates(String consumer) {
        return Counter.builder("inbox.duplicates").description("Redelivered events skipped: applied before")
                .tag("consumer", consumer).register(registry);
    }

    private Counter deadLetters(String topic) {
        return Counter.builder("dead.letters").description("Records sent to <topic>.dlq after their retries")
                .tag("topic", topic).register(registry);
    }

    /**
     * Registers the backlog gauges, read from {@code outbox_event} every {@value #GAUGE_REFRESH_SECONDS} seconds by a
     * thread of their own: a scrape only reads the last values, so a database outage never makes it wait (the
     * gauges then keep their last reading; health says the database is down).
     */
    public void watchOutbox(JdbcTemplate jdbc, Clock clock) {
        OutboxState state = new OutboxState(jdbc, clock);
        // strong references: Micrometer holds a gauge's object weakly, and nothing else holds this one
        Gauge.builder("outbox.backlog", state, s -> s.rows).strongReference(true)
                .description("Outbox events not yet acknowledged by the broker").register(registry);
        Gauge.builder("outbox.oldest.age", state, s -> s.oldestAgeSeconds).strongReference(true)
                .baseUnit("seconds").description("How long the oldest unpublished outbox event has waited")
                .register(registry);
        state.read();
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-gauges").daemon(true)
                .factory());
        refresher.scheduleWithFixedDelay(state::read, GAUGE_REFRESH_SECONDS, GAUGE_REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** Stops the gauges' refresh. */
    public void close() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private static final class OutboxState {

        private final JdbcTemplate jdbc;
        private final Clock clock;
        private volatile double rows;
        private volatile double oldestAgeSeconds;

        OutboxState(JdbcTemplate jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        void read() {
            try {
                jdbc.query("select count(*) as n, min(occurred_at) as oldest from outbox_event", rs -> {
                    java.sql.Timestamp oldest = rs.getTimestamp("oldest");
                    rows = rs.getLong("n");
                    oldestAgeSeconds = oldest == null ? 0
                            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
                });
            } catch (RuntimeException e) {
                // the database being away is reported by health; the gauges keep their last reading
            }
        }
    }
}
