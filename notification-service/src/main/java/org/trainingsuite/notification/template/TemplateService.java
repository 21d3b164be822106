package org.trainingsuite.notification.template;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.NotFoundException;

/** Message templates: a subject and a body, each a Mustache template checked when saved. */
@Service
public class TemplateService {

    /** A template as stored. */
    public record MessageTemplate(UUID id, String name, String subject, String body, long version, Instant createdAt,
                                  Instant updatedAt) {
    }

    private static final RowMapper<MessageTemplate> ROW = (rs, n) -> new MessageTemplate(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("subject"), rs.getString("body"), rs.getLong("version"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TemplateService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public MessageTemplate create(String name, String subject, String body) {
        Placeholders.check("subject", subject);
        Placeholders.check("body", body);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("""
                    insert into template (id, name, subject, body, version, created_at, updated_at) values (?, ?, ?, ?, 0, ?, ?)
                    """, id, name, subject, body, now, now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a template named " + name + " exists already");
        }
        return get(id);
    }

    /** Changes a template; {@code expectedVersion} must be the one read (409 otherwise). */
    @Transactional
    public MessageTemplate change(UUID id, String name, String subject, String body, long expectedVersion) {
        get(id);
        Placeholders.check("subject", subject);
        Placeholders.check("body", body);
        int changed;
        try {
            changed = jdbc.update("""
                    update template set name = ?, subject = ?, body = ?, version = version + 1, updated_at = ?
                    where id = ? and version = ?
                    """, name, subject, body, Timestamp.from(clock.instant()), id, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("a template named " + name + " exists already");
        }
        if (changed == 0) {
            throw new ConflictException("template " + id + " was changed meanwhile; read it again");
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public MessageTemplate get(UUID id) {
        List<MessageTemplate> found = jdbc.query("select * from template where id = ?", ROW, id);
        if (found.isEmpty()) {
            throw NotFoundException.of("template", id);
        }
        return found.getFirst();
    }

    @Transactional(readOnly = true)
    public Page<MessageTemplate> all(Pageable pageable) {
        List<MessageTemplate> page = jdbc.query("select * from template order by name, id limit ? offset ?", ROW,
                pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("select count(*) from template", Long.class);
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }
}
