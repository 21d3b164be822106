package org.trainingsuite.learningplan.programs;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The catalog programs plans link to, from {@code catalog.programs} (binding {@code programs-in-0}): type,
 * title, credits, status and how many sessions each has. Program events carry the whole program, so each
 * replaces what was known.
 */
@Configuration
public class ProgramProjection {

    private final JdbcTemplate jdbc;

    ProgramProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    Consumer<Message<byte[]>> programs(InboxConsumer.Factory consumers) {
        return consumers.named("learning-plan.programs")
                .on("catalog.program.published.v1", this::programChanged)
                .on("catalog.program.updated.v1", this::programChanged)
                .on("catalog.program.archived.v1", this::programChanged)
                .build();
    }

    void programChanged(IncomingEvent event) {
        JsonNode p = event.payload();
        jdbc.update("""
                insert into known_program (id, type, title, credits, status, session_count) values (?, ?, ?, ?, ?, ?)
                on conflict (id) do update set type = excluded.type, title = excluded.title, credits = excluded.credits,
                    status = excluded.status, session_count = excluded.session_count
                """, UUID.fromString(p.get("programId").asString()), p.get("type").asString(), p.get("title").asString(),
                p.get("credits").decimalValue(), p.get("status").asString(), p.get("sessions").size());
    }

    /** What is known of these programs; unknown ids are absent. */
    public Map<UUID, KnownProgram> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select id, type, title, credits, status, session_count from known_program where id = any(?)",
                (rs, n) -> new KnownProgram(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("title"),
                        rs.getBigDecimal("credits"), rs.getString("status"), rs.getInt("session_count")),
                (Object) ids.toArray(UUID[]::new)).stream().collect(Collectors.toMap(KnownProgram::id, Function.identity()));
    }
}
