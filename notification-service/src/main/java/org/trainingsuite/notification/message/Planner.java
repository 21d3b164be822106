package org.trainingsuite.notification.message;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.notification.trigger.Trigger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an occurrence and a trigger into messages: one per offset (and overdue repeat) and recipient, each
 * with the day it is due. Planning the same occurrence again moves what is still queued to the new days
 * (an extended pass, a moved due date), revives what was cancelled, never touches what was sent, and
 * cancels queued sends the new facts no longer call for. A send whose day has already passed is not planned.
 */
@Service
public class Planner {

    /** The seq of the first overdue repeat; offsets use their own value as seq. */
    static final int REPEAT_BASE = 100_000;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Planner(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Send(int seq, LocalDate dueOn) {
    }

    private record Recipient(String key, String personId) {
    }

    /** Plans the messages of one trigger for one occurrence; returns how many were queued or moved. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int plan(Trigger trigger, Occurrence o) {
        LocalDate today = LocalDate.now(clock);
        List<Send> sends = new ArrayList<>();
        for (int offset : trigger.offsetsDays()) {
            sends.add(new Send(offset, o.anchor().plusDays(offset)));
        }
        if (trigger.repeatEveryDays() != null) {
            for (int k = 1; k <= trigger.repeatMax(); k++) {
                sends.add(new Send(REPEAT_BASE + k, o.anchor().plusDays((long) k * trigger.repeatEveryDays())));
            }
        }
        sends.removeIf(s -> s.dueOn().isBefore(today));
        return upsert(trigger, o, sends);
    }

    /** Queues one message per recipient for today, whatever the trigger's offsets (an admin's manual send). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int planNow(Trigger trigger, Occurrence o) {
        return upsert(trigger, o, List.of(new Send(0, LocalDate.now(clock))));
    }

    /** Cancels the queued messages matching {@code condition} (SQL over message columns). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int cancel(String reason, String condition, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(Timestamp.from(clock.instant()));
        all.add(reason);
        Integer n = jdbc.queryForObject("""
                with c as (update message set state = 'CANCELLED', claimed_until = null
                           where state = 'QUEUED' and (%s) returning id),
                     h as (insert into message_history (message_id, at, what, detail)
                           select id, ?, 'CANCELLED', ? from c returning 1)
                select count(*) from h
                """.formatted(condition), Integer.class, all.toArray());
        return n == null ? 0 : n;
    }

    private int upsert(Trigger trigger, Occurrence o, List<Send> sends) {
        Instant now = clock.instant();
        List<Recipient> recipients = recipients(trigger, o);
        String context = json.writeValueAsString(o.context());
        List<String> planned = new ArrayList<>();
        int changed = 0;
        for (Send s : sends) {
            for (Recipient r : recipients) {
                planned.add(s.seq() + "|" + r.key());
                List<Map<String, Object>> rows = jdbc.queryForList("""
                        insert into message (id, trigger_id, occurrence, seq, recipient, person_id, subject_person, pass_id,
                            plan_id, assignment_id, due_on, state, context, next_attempt_at, created_at)
                        values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?::jsonb, ?, ?)
                        on conflict (trigger_id, occurrence, seq, recipient) do update set due_on = excluded.due_on,
                            context = excluded.context, state = 'QUEUED', next_attempt_at = excluded.next_attempt_at
                        where message.state = 'CANCELLED' or (message.state = 'QUEUED' and message.due_on <> excluded.due_on)
                        returning id, (xmax = 0) as inserted
                        """, trigger.id(), o.key(), s.seq(), r.key(), r.personId(), o.learner(), o.passId(), o.planId(),
                        o.assignmentId(), Date.valueOf(s.dueOn()), context, Timestamp.from(now), Timestamp.from(now));
                for (Map<String, Object> row : rows) {
                    changed++;
                    jdbc.update("insert into message_history (message_id, at, what, detail) values (?, ?, ?, ?)",
                            row.get("id"), Timestamp.from(now), Boolean.TRUE.equals(row.get("inserted")) ? "QUEUED" : "RESCHEDULED",
                            "due on " + s.dueOn());
                }
            }
        }
        // what these facts no longer call for (a shortened pass, a recipient gone) is cancelled
        cancel("no longer due for " + o.key(), "trigger_id = ? and occurrence = ? and (seq::text || '|' || recipient) <> all(?)",
                trigger.id(), o.key(), planned.toArray(String[]::new));
        return changed;
    }

    private List<Recipient> recipients(Trigger trigger, Occurrence o) {
        List<Recipient> recipients = new ArrayList<>();
        if (trigger.audienceLearner() && o.learner() != null) {
            recipients.add(new Recipient("person:" + o.learner(), o.learner()));
        }
        if (trigger.audienceAccountContacts() && o.accountId() != null) {
            for (String contact : jdbc.queryForList("select id from person where account_id = ? order by id", String.class,
                    o.accountId())) {
                if (!contact.equals(o.learner()) || !trigger.audienceLearner()) {
                    recipients.add(new Recipient("person:" + contact, contact));
                }
            }
        }
        for (String address : trigger.extraAddresses()) {
            recipients.add(new Recipient("address:" + address.toLowerCase(), null));
        }
        return recipients;
    }
}
