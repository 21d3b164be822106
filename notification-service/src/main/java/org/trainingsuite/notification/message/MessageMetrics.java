package org.trainingsuite.notification.message;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code notification.messages} [{@code notification_messages}]: the messages of the schedule and the delivery
 * log by {@code state} (QUEUED, SENDING, SENT, FAILED, CANCELLED), counted every 15 seconds: a growing QUEUED
 * past its due day, or any FAILED, is what an operator looks at first.
 */
@Component
class MessageMetrics {

    private static final List<String> STATES = List.of("QUEUED", "SENDING", "SENT", "FAILED", "CANCELLED");

    private final JdbcTemplate jdbc;
    private final MultiGauge gauge;

    MessageMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.gauge = MultiGauge.builder("notification.messages")
                .description("Messages of the schedule and the delivery log, by state").register(registry);
    }

    @Scheduled(fixedDelayString = "PT15S", initialDelayString = "PT5S")
    void count() {
        Map<String, Long> counts = new TreeMap<>();
        STATES.forEach(state -> counts.put(state, 0L));
        jdbc.query("select state, count(*) as n from message group by state",
                rs -> { counts.put(rs.getString("state"), rs.getLong("n")); });
        gauge.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey()), e.getValue())).toList(), true);
    }
}
