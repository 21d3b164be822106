package org.trainingsuite.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.trainingsuite.platform.messaging.EventType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records domain events in the service's own database, in the caller's transaction (transactional
 * outbox). The event becomes visible to the {@link OutboxRelay} only if the business change commits,
 * and is then published to Kafka at least once, in order per aggregate. Nothing here talks to the
 * broker, so a broker outage never fails the caller.
 *
 * <p>Per-aggregate order follows the order of the outbox rows; it holds because changes to one
 * aggregate are serialised by the aggregate's own version (optimistic locking), as every aggregate of
 * the suite does.
 */
public class Outbox {

    /** Largest JSON payload accepted: below Kafka's default 1 MiB record limit, with room for headers. */
    public static final int MAX_PAYLOAD_BYTES = 900 * 1024;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final Runnable onCommit;
    private final Supplier<TraceContext> traceContext;

    /**
     * The W3C trace context ({@code traceparent}, {@code tracestate}) of the span that writes an event: the relay
     * puts it on the record, so the consumers' spans join the writer's trace. Both null when nothing is traced.
     */
    public record TraceContext(String traceparent, String tracestate) {

        public static final TraceContext NONE = new TraceContext(null, null);
    }

    /**
     * @param source   the CloudEvents source of every event written here, e.g. {@code /directory-service}
     * @param onCommit called after a transaction that wrote events commits (wakes the relay up)
     */
    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock, Runnable onCommit) {
        this(jdbc, json, source, clock, onCommit, () -> TraceContext.NONE);
    }

    /** @param traceContext the trace context of the current span, asked once per batch of events */
    public Outbox(JdbcTemplate jdbc, JsonMapper json, String source, Clock clock, Runnable onCommit,
                  Supplier<TraceContext> traceContext) {
        this.jdbc = jdbc;
        this.json = json;
        this.source = source;
        this.clock = clock;
        this.onCommit = onCommit;
        this.traceContext = traceContext;
    }

    /**
     * Records that {@code payload} happened to aggregate {@code aggregateId}. Must be called inside the
     * transaction that makes the change; there is deliberately no way to publish outside one.
     *
     * @return the event id ({@code ce_id})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID record(EventType type, String aggregateId, Object payload) {
        return recordAll(type, List.of(new Event(aggregateId, payload))).getFirst();
    }

    /** One event of a batch: what happened to which aggregate. */
    public record Event(String aggregateId, Object payload) {

        public Event {
            Objects.requireNonNull(aggregateId, "aggregateId");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Records many events of one type in one round trip (bulk changes, batch jobs), in list order.
     * Same rules as {@link #record}.
     *
     * @return the event ids, in list order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> recordAll(EventType type, List<Event> events) {
        Objects.requireNonNull(type, "type");
        List<UUID> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        Timestamp now = Timestamp.from(clock.instant());
        TraceContext trace = traceContext.get();
        for (Event event : events) {
            String body = json.writeValueAsString(event.payload());
            if (body.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                // would be refused by the broker forever and hold back every later event of this aggregate
                throw new IllegalArgumentException("event " + type.name() + " of " + event.aggregateId()
                        + " is larger than " + MAX_PAYLOAD_BYTES + " bytes; carry less state or split it");
            }
            UUID id = UUID.randomUUID();
            ids.add(id);
            rows.add(new Object[] {id, type.topic(), type.name(), event.aggregateId(), source, now, body,
                    trace.traceparent(), trace.tracestate()});
        }
        if (rows.isEmpty()) {
            return ids;
        }
        jdbc.batchUpdate("""
                insert into outbox_event (event_id, topic, event_type, aggregate_id, source, occurred_at, payload,
                                          traceparent, tracestate)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                """, rows);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    onCommit.run();
                }
            });
        }
        return ids;
    }
}
