package org.trainingsuite.learningplan.progress;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.learningplan.LearningPlanEventTypes;
import org.trainingsuite.platform.messaging.outbox.Outbox;

/**
 * Marks assignments past their due date, with the plan not completed, as overdue and emits
 * {@code learning-plan.assignment.overdue.v1} for each, exactly once (the row records when). Works in batches
 * of {@code batchSize}, one transaction each, on rows locked with {@code for update skip locked}: replicas
 * running at once share the work and never emit twice.
 */
@Component
public class OverdueJob {

    /** {@code learning-plan.assignment.overdue.v1}. */
    public record Overdue(UUID assignmentId, UUID planId, String planName, String personId, LocalDate dueDate,
                          Instant overdueAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Outbox outbox;
    private final Clock clock;
    private final int batchSize;

    OverdueJob(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox, Clock clock,
            @Value("${learning-plan.overdue.batch-size:1000}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${learning-plan.overdue.interval:PT15M}",
               initialDelayString = "${learning-plan.overdue.initial-delay:PT1M}")
    void run() {
        int overdue = flagOverdue();
        if (overdue > 0) {
            log.info("{} assignment(s) became overdue", overdue);
        }
    }

    /** Flags every assignment overdue as of today; returns how many this call flagged. */
    public int flagOverdue() {
        int total = 0;
        while (true) {
            Integer batch = transaction.execute(status -> flagBatch());
            total += batch == null ? 0 : batch;
            if (batch == null || batch < batchSize) {
                return total;
            }
        }
    }

    private int flagBatch() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Map<String, Object>> rows = jdbc.queryForList("""
                update assignment a set overdue_at = ?, version = a.version + 1 from plan p
                where p.id = a.plan_id and a.id in (
                    select a.id from assignment a where a.completed_at is null and a.overdue_at is null and a.due_date < ?
                    and (a.via <> 'SELF' or exists (select 1 from registration r where r.plan_id = a.plan_id
                         and r.person_id = a.person_id and r.status in ('STARTED', 'REGISTERED')))
                    order by a.due_date, a.id limit ? for update skip locked)
                returning a.id, a.plan_id, p.name, a.person_id, a.due_date
                """, Timestamp.from(now), Date.valueOf(today), batchSize);
        List<Outbox.Event> events = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            UUID id = (UUID) r.get("id");
            events.add(new Outbox.Event(id.toString(), new Overdue(id, (UUID) r.get("plan_id"), (String) r.get("name"),
                    (String) r.get("person_id"), ((Date) r.get("due_date")).toLocalDate(), now)));
        }
        outbox.recordAll(LearningPlanEventTypes.OVERDUE, events);
        return rows.size();
    }
}
