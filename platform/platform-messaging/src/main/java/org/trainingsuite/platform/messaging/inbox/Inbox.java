package org.trainingsuite.platform.messaging.inbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.messaging.EventHandler;
import org.trainingsuite.platform.messaging.IncomingEvent;

/**
 * Idempotent consumer: applies an event and records its id in one transaction, so a redelivered event
 * (at-least-once delivery, a rebalance, a replay) has no second effect.
 *
 * <p>The id is inserted first ({@code on conflict do nothing}): a concurrent delivery of the same event
 * waits on the primary key until the first transaction ends, then sees the id and does nothing.
 */
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public Inbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Runs {@code handler} for {@code event} unless {@code consumer} has already applied an event with
     * the same id.
     *
     * @return true if the handler ran, false if the event was a duplicate
     */
    public boolean applyOnce(String consumer, IncomingEvent event, EventHandler handler) {
        Boolean applied = transaction.execute(status -> {
            int inserted = jdbc.update("""
                    insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?)
                    on conflict (consumer, event_id) do nothing
                    """, consumer, event.id(), event.type());
            if (inserted == 0) {
                return false;
            }
            handler.handle(event);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /** Whether {@code consumer} has applied the event {@code eventId}. */
    public boolean hasApplied(String consumer, String eventId) {
        Integer n = jdbc.queryForObject("select count(*) from inbox_event where consumer = ? and event_id = ?",
                Integer.class, consumer, eventId);
        return n != null && n > 0;
    }
}
