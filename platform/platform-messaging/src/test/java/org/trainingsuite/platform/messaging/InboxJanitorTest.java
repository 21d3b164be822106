package org.trainingsuite.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.messaging.inbox.InboxJanitor;

class InboxJanitorTest {

    @Test
    void idsOlderThanTheRetentionAreForgottenAndRecentOnesKept() {
        OutboxTables tables = OutboxTables.inFreshSchema();
        tables.jdbc.update("""
                insert into inbox_event (consumer, event_id, event_type, processed_at)
                select 'c', 'old-' || g, 't', now() - interval '40 days' from generate_series(1, 25) g
                """);
        tables.jdbc.update("insert into inbox_event (consumer, event_id, event_type) values ('c', 'recent', 't')");

        int forgotten = new InboxJanitor(tables.jdbc, Duration.ofDays(30)).cleanUp();

        assertThat(forgotten).isEqualTo(25);
        assertThat(tables.jdbc.queryForList("select event_id from inbox_event", String.class)).containsExactly("recent");
    }
}
