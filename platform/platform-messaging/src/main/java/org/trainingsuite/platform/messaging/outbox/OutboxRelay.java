package org.trainingsuite.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.messaging.CloudEventHeaders;
import org.trainingsuite.platform.messaging.MessagingMetrics;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes them once the broker has acknowledged
 * them (acks=all, idempotent producer).
 *
 * <p>One pass runs in one database transaction that first takes a transaction-scoped PostgreSQL
 * advisory lock: while one replica relays, the others skip their turn, so two copies of a service
 * neither publish an event twice nor reorder it. If the process dies mid-pass, the connection closes,
 * the lock is released and the rows are still there: delivery is at least once.
 *
 * <p>When a send fails (broker down, timeout), the rows already acknowledged are deleted and the rest
 * stay for the next pass; a row whose key has an earlier failed row in the same pass is kept too, so
 * that one aggregate's events are never published out of order.
 */
public class OutboxRelay {

    /** Advisory lock key of the relay (per database: each service has its own). */
    public static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final MessagingMetrics metrics;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Producer<String, byte[]> producer, int batchSize) {
        this(jdbc, transaction, producer, batchSize, MessagingMetrics.unexported());
    }

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, Producer<String, byte[]> producer, int batchSize,
                       MessagingMetrics metrics) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.producer = producer;
        this.batchSize = batchSize;
        this.metrics = metrics;
    }

    /** What one pass did. */
    public record Pass(boolean lockHeld, int published, int failed) {

        static final Pass SKIPPED = new Pass(false, 0, 0);

        public boolean hadFailures() {
            return failed > 0;
        }
    }

    /** Relays at most one batch. */
    public Pass relayOnce() {
        Pass pass = transaction.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
            if (!Boolean.TRUE.equals(locked)) {
                return Pass.SKIPPED;
            }
            List<Row> rows = jdbc.query("""
                    select seq, event_id, topic, event_type, aggregate_id, source, occurred_at, payload::text as payload,
                           traceparent, tracestate
                    from outbox_event order by seq limit ?
                    """, (rs, n) -> new Row(rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
                    rs.getString("event_type"), rs.getString("aggregate_id"), rs.getString("source"),
                    rs.getTimestamp("occurred_at"), rs.getString("payload"), rs.getString("traceparent"),
                    rs.getString("tracestate")), batchSize);
            return rows.isEmpty() ? new Pass(true, 0, 0) : publish(rows);
        });
        return pass == null ? Pass.SKIPPED : pass;
    }

    private Pass publish(List<Row> rows) {
        // Rows whose send failed and rows after them with the same key stay for the next pass: one
        // aggregate's events are never published out of order. A topic whose metadata cannot be had
        // (broker down, unknown topic) is asked once per pass, not once per row.
        Set<String> failedKeys = new HashSet<>();
        Set<String> unavailableTopics = new HashSet<>();
        Set<String> availableTopics = new HashSet<>();
        List<Row> sentRows = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        Exception firstFailure = null;
        for (Row row : rows) {
            if (failedKeys.contains(row.aggregateId()) || unavailableTopics.contains(row.topic())) {
                failedKeys.add(row.aggregateId());
                continue;
            }
            if (!availableTopics.contains(row.topic())) {
                try {
                    producer.partitionsFor(row.topic());
                    availableTopics.add(row.topic());
                } catch (RuntimeException e) {
                    unavailableTopics.add(row.topic());
                    failedKeys.add(row.aggregateId());
                    firstFailure = firstFailure == null ? e : firstFailure;
                    continue;
                }
            }
            try {
                Future<RecordMetadata> future = producer.send(row.toRecord());
                if (future.isDone() && failedAtOnce(future)) {
                    // e.g. a record over the broker's size limit: never sent, so neither are its successors
                    failedKeys.add(row.aggregateId());
                }
                sentRows.add(row);
                sent.add(future);
            } catch (RuntimeException e) {
                failedKeys.add(row.aggregateId());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        producer.flush();
        // A row whose key had an earlier row fail here is kept even if acknowledged: republished after
        // its predecessor next pass (a duplicate, never a reordering).
        List<Long> done = new ArrayList<>(sent.size());
        Set<String> unacknowledged = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            Row row = sentRows.get(i);
            try {
                sent.get(i).get();
                if (!unacknowledged.contains(row.aggregateId())) {
                    done.add(row.seq());
                }
            } catch (ExecutionException e) {
                unacknowledged.add(row.aggregateId());
                firstFailure = firstFailure == null ? e : firstFailure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unacknowledged.add(row.aggregateId());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (!done.isEmpty()) {
            jdbc.update("delete from outbox_event where seq = any(?)", (Object) done.toArray(Long[]::new));
        }
        // counted once the deletion commits: a pass whose commit fails sends its events again, counted then
        Set<Long> deleted = new HashSet<>(done);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(rows, deleted);
                }
            });
        } else {
            count(rows, deleted);
        }
        int failed = rows.size() - done.size();
        if (failed > 0) {
            log.warn("Outbox relay: published {} event(s), {} kept for the next pass{}", done.size(), failed,
                    firstFailure == null ? "" : ": " + firstFailure.getMessage());
        }
        return new Pass(true, done.size(), failed);
    }

    private void count(List<Row> rows, Set<Long> done) {
        Map<String, int[]> byTopic = new HashMap<>(); // topic -> {sent, kept}
        for (Row row : rows) {
            byTopic.computeIfAbsent(row.topic(), t -> new int[2])[done.contains(row.seq()) ? 0 : 1]++;
        }
        byTopic.forEach((topic, n) -> {
            metrics.relayed(topic, n[0]);
            metrics.relayFailed(topic, n[1]);
        });
    }

    private static boolean failedAtOnce(Future<RecordMetadata> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private record Row(long seq, UUID eventId, String topic, String type, String aggregateId, String source,
                       Timestamp occurredAt, String payload, String traceparent, String tracestate) {

        ProducerRecord<String, byte[]> toRecord() {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.ID, bytes(eventId.toString()));
            headers.add(CloudEventHeaders.TYPE, bytes(type));
            headers.add(CloudEventHeaders.SOURCE, bytes(source));
            headers.add(CloudEventHeaders.SUBJECT, bytes(aggregateId));
            headers.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .format(occurredAt.toInstant().atOffset(ZoneOffset.UTC))));
            headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
            headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
            // W3C trace context of the writer: the consumers' spans continue its trace
            if (traceparent != null) {
                headers.add(CloudEventHeaders.TRACEPARENT, bytes(traceparent));
            }
            if (tracestate != null && !tracestate.isEmpty()) {
                headers.add(CloudEventHeaders.TRACESTATE, bytes(tracestate));
            }
            return new ProducerRecord<>(topic, null, aggregateId, bytes(payload), headers);
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
