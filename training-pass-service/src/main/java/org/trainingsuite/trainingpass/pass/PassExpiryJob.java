package org.trainingsuite.trainingpass.pass;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.trainingpass.TrainingPassEventTypes;

/**
 * Marks passes whose expiry date has passed as EXPIRED and emits {@code training-pass.pass.expired.v1}
 * for each, exactly once.
 *
 * <p>It works in batches of {@code batchSize} passes, one transaction each, so a million passes expiring
 * the same day take bounded memory and never one huge transaction. Each batch takes a transaction
 * advisory lock: with several replicas one expires at a time; the others skip the run. Even without the
 * lock a pass could not expire twice: the update only touches rows still ACTIVE, and those rows are
 * locked ({@code for update skip locked}) by the batch that takes them.
 */
@Component
public class PassExpiryJob {

    /** Advisory lock key of the expiry job ("expiry" in ASCII). */
    static final long LOCK_KEY = 0x657870697279L;

    private static final Logger log = LoggerFactory.getLogger(PassExpiryJob.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;

    PassExpiryJob(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Outbox outbox, Clock clock,
            @Value("${training-pass.expiry.batch-size:1000}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${training-pass.expiry.interval:PT1M}",
               initialDelayString = "${training-pass.expiry.initial-delay:PT30S}")
    void run() {
        int expired = expireDuePasses();
        if (expired > 0) {
            log.info("Expired {} pass(es)", expired);
        }
    }

    /** Expires every pass due as of today; returns how many this call expired (0 if another replica holds the lock). */
    public int expireDuePasses() {
        int total = 0;
        while (true) {
            Integer batch = transaction.execute(status -> expireBatch());
            if (batch == null || batch < 0) {
                return total;
            }
            total += batch;
            if (batch < batchSize) {
                return total;
            }
        }
    }

    /** One batch in the caller's transaction; -1 if another replica holds the lock. */
    private int expireBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<PassChanged> expired = jdbc.query("""
                with due as (
                    select id from pass where status = 'ACTIVE' and expires_on < ?
                    order by expires_on, id limit ? for update skip locked
                ), expired as (
                    update pass p set status = 'EXPIRED', version = p.version + 1, updated_at = ?
                    from due where p.id = due.id
                    returning p.*
                )
                select e.*, t.code as type_code, t.name as type_name, o.name as option_name
                from expired e join pass_type t on t.id = e.pass_type_id join pass_option o on o.id = e.option_id
                order by e.id
                """, (rs, n) -> new PassChanged(rs.getObject("id", UUID.class), rs.getObject("pass_type_id", UUID.class),
                rs.getString("type_code"), rs.getString("type_name"), rs.getObject("option_id", UUID.class),
                rs.getString("option_name"), rs.getObject("account_id", UUID.class), rs.getString("contact_id"),
                PassStatus.EXPIRED, rs.getObject("issued_on", LocalDate.class), rs.getObject("expires_on", LocalDate.class),
                rs.getObject("order_id", UUID.class), rs.getString("opportunity_ref"), rs.getString("interest_ref"),
                null, null, null, rs.getLong("version")), Date.valueOf(today), batchSize, Timestamp.from(now));
        if (expired.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("""
                insert into pass_history (pass_id, action, at, actor, contact_id, expires_on, option_id)
                values (?, 'EXPIRED', ?, 'system', ?, ?, ?)
                """, expired, 500, (ps, p) -> {
            ps.setObject(1, p.passId());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, p.contactId());
            ps.setDate(4, Date.valueOf(p.expiresOn()));
            ps.setObject(5, p.optionId());
        });
        outbox.recordAll(TrainingPassEventTypes.PASS_EXPIRED,
                expired.stream().map(p -> new Outbox.Event(p.passId().toString(), p)).toList());
        return expired.size();
    }
}
