package org.trainingsuite.reporting.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The reports' freshness as meters, read every 15 seconds (the lag asks the broker):
 * {@code reporting.lag} [{@code reporting_lag}], events on the topics not yet applied (-1 while the broker
 * cannot say), and {@code reporting.freshness.age} [{@code reporting_freshness_age_seconds}], since the newest
 * event applied. An idle suite has an old newest event and no lag; the reports are stale when both grow.
 */
@Component
class FreshnessMetrics {

    private final Freshness freshness;
    private final Clock clock;
    private volatile double lag = -1;
    private volatile double ageSeconds;

    FreshnessMetrics(Freshness freshness, Clock clock, MeterRegistry registry) {
        this.freshness = freshness;
        this.clock = clock;
        Gauge.builder("reporting.lag", this, m -> m.lag)
                .description("Events on the consumed topics not yet applied to the reports").register(registry);
        Gauge.builder("reporting.freshness.age", this, m -> m.ageSeconds).baseUnit("seconds")
                .description("Time since the newest event applied to the reports").register(registry);
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
    void read() {
        Freshness.Status status = freshness.now();
        lag = status.lag() == null ? -1 : status.lag();
        ageSeconds = status.newestEventAt() == null ? 0
                : Math.max(0, Duration.between(status.newestEventAt(), clock.instant()).toMillis() / 1000.0);
    }
}
