package org.trainingsuite.notification.message;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.platform.errors.NotFoundException;

/** The delivery log: every message with its state, searchable; and a learner's own messages. */
@Service
public class MessageLog {

    /** One message as the log shows it. */
    public record Entry(UUID id, UUID triggerId, String triggerAbbreviation, String occurrence, String recipient,
                        String personId, String subjectPersonId, UUID passId, UUID planId, LocalDate dueOn, String state,
                        int attempts, String lastError, String toAddress, String subject, Instant sentAt, Instant createdAt) {
    }

    /** What happened to a message. */
    public record Step(Instant at, String what, String detail) {
    }

    /** A message with its history. */
    public record Detail(Entry message, List<Step> history) {
    }

    /** A message a learner received. */
    public record Mine(UUID id, String subject, String body, Instant sentAt, String triggerAbbreviation) {
    }

    /** Filters of the log; null means any. */
    public record Filter(String personId, UUID triggerId, String state, LocalDate from, LocalDate to) {
    }

    private static final String SELECT = """
            select m.*, t.abbreviation from message m join trigger_rule t on t.id = m.trigger_id
            """;

    private final JdbcTemplate jdbc;

    MessageLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Page<Entry> search(Filter f, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (f.personId() != null) {
            where.append(" and (m.person_id = ? or m.subject_person = ?)");
            args.add(f.personId());
            args.add(f.personId());
        }
        if (f.triggerId() != null) {
            where.append(" and m.trigger_id = ?");
            args.add(f.triggerId());
        }
        if (f.state() != null) {
            where.append(" and m.state = ?");
            args.add(f.state());
        }
        if (f.from() != null) {
            where.append(" and m.due_on >= ?");
            args.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" and m.due_on <= ?");
            args.add(Date.valueOf(f.to()));
        }
        Long total = jdbc.queryForObject("select count(*) from message m" + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Entry> page = jdbc.query(SELECT + where + " order by m.due_on desc, m.created_at desc, m.id limit ? offset ?",
                MessageLog::entry, args.toArray());
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    public Detail get(UUID id) {
        List<Entry> found = jdbc.query(SELECT + " where m.id = ?", MessageLog::entry, id);
        if (found.isEmpty()) {
            throw NotFoundException.of("message", id);
        }
        List<Step> history = jdbc.query("select at, what, detail from message_history where message_id = ? order by id",
                (rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getString("what"), rs.getString("detail")), id);
        return new Detail(found.getFirst(), history);
    }

    /** The messages sent to a person, newest first. */
    @Transactional(readOnly = true)
    public Page<Mine> mine(String personId, Pageable pageable) {
        List<Mine> page = jdbc.query("""
                select m.id, m.rendered_subject, m.rendered_body, m.sent_at, t.abbreviation
                from message m join trigger_rule t on t.id = m.trigger_id
                where m.person_id = ? and m.state = 'SENT' order by m.sent_at desc, m.id limit ? offset ?
                """, (rs, n) -> new Mine(rs.getObject("id", UUID.class), rs.getString("rendered_subject"),
                rs.getString("rendered_body"), rs.getTimestamp("sent_at").toInstant(), rs.getString("abbreviation")),
                personId, pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("select count(*) from message where person_id = ? and state = 'SENT'", Long.class,
                personId);
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        java.sql.Timestamp sent = rs.getTimestamp("sent_at");
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("trigger_id", UUID.class), rs.getString("abbreviation"),
                rs.getString("occurrence"), rs.getString("recipient"), rs.getString("person_id"),
                rs.getString("subject_person"), rs.getObject("pass_id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("due_on", LocalDate.class), rs.getString("state"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getString("to_address"), rs.getString("rendered_subject"),
                sent == null ? null : sent.toInstant(), rs.getTimestamp("created_at").toInstant());
    }
}
