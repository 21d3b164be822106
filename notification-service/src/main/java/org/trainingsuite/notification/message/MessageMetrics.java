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
 * {@code notification.messages} [{@code notification_messages}]: the messages that need watching, by {@code state}
 * (QUEUED and SENDING: the schedule; FAILED: given up after the retries), counted every 15 seconds over partial
 * indexes. SENT and CANCELLED are not counted: the delivery log only grows, and its size says nothing an
 * operator acts on ({@code notification.deliveries} events and the log's API tell what was sent).
 */
@Component
class MessageMetrics {

    private static final List<String> STATES = List.of("QUEUED", "SENDING", "FAILED");

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
        jdbc.query("select state, count(*) as n from message where state in ('QUEUED', 'SENDING', 'FAILED') group by state",
                rs -> { counts.put(rs.getString("state"), rs.getLong("n")); });
        gauge.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("state", e.getKey()), e.getValue())).toList(), true);
    }
}
