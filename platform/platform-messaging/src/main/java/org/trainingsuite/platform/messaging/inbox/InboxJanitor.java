package org.trainingsuite.platform.messaging.inbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgets applied event ids older than the retention, in small batches, every hour. The retention must
 * be longer than the topics' retention: an id is only needed while its event can still be redelivered.
 * Several replicas may run it at once; deleting the same old rows twice is harmless.
 */
public class InboxJanitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxJanitor.class);
    private static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private ScheduledExecutorService executor;

    public InboxJanitor(JdbcTemplate jdbc, Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /** Deletes ids older than the retention; returns how many. */
    public int cleanUp() {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    delete from inbox_event where ctid in (
                        select ctid from inbox_event where processed_at < now() - ?::interval limit ?)
                    """, retention.toSeconds() + " seconds", BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-janitor").daemon(true).factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int n = cleanUp();
                if (n > 0) {
                    log.info("Inbox: forgot {} applied event id(s) older than {}", n, retention);
                }
            } catch (RuntimeException e) {
                log.warn("Inbox clean-up failed; will try again: {}", e.toString());
            }
        }, 5, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
