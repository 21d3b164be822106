package org.trainingsuite.reporting.report;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.trainingsuite.reporting.projection.Projections;

/**
 * How far behind the event stream the reports are: the time of the newest event applied, and the consumer
 * lag (events on the topics not yet applied by this service's consumer group). The lag is asked of the
 * broker with a short timeout; when the broker cannot answer it is reported as unknown (null), and the
 * report is served all the same.
 */
@Component
public class Freshness implements DisposableBean {

    /** What a report response says of its freshness. */
    public record Status(Instant newestEventAt, Long lag, Instant asOf) {
    }

    private static final Logger log = LoggerFactory.getLogger(Freshness.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String group;
    private final Admin admin;

    Freshness(JdbcTemplate jdbc, Clock clock, KafkaProperties kafka, @Value("${spring.application.name}") String group) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.group = group;
        // the service's spring.kafka.* settings (servers, TLS, SASL), with short timeouts: a report never waits long
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        this.admin = Admin.create(config);
    }

    public Status now() {
        java.sql.Timestamp newest = jdbc.queryForObject("select max(newest_event_at) from freshness", java.sql.Timestamp.class);
        return new Status(newest == null ? null : newest.toInstant(), lag(), clock.instant());
    }

    private Long lag() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
            Set<String> existing = admin.listTopics().names().get(2, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = admin.describeTopics(Projections.TOPICS.stream().filter(existing::contains).toList())
                    .allTopicNames().get(2, TimeUnit.SECONDS)
                    .values().stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(2, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata at = committed.get(p);
                lag += Math.max(0, ends.get(p).offset() - (at == null ? 0 : at.offset()));
            }
            return lag;
        } catch (Exception e) {
            log.debug("consumer lag unknown: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
