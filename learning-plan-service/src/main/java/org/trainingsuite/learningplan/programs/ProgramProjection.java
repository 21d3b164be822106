package org.trainingsuite.learningplan.programs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The catalog programs plans link to, from {@code catalog.programs} (binding {@code programs-in-0}): type,
 * title, credits, status and its sessions (id, start, credits, location). Program events carry the whole program, so each
 * replaces what was known.
 */
@Configuration
public class ProgramProjection {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ProgramProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
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
        ArrayNode sessions = json.createArrayNode();
        for (JsonNode s : p.get("sessions")) {
            sessions.addObject().put("sessionId", s.get("sessionId").asString()).put("startsAt", s.get("startsAt").asString())
                    .put("credits", s.get("credits").decimalValue()).set("location", s.get("location"));
        }
        jdbc.update("""
                insert into known_program (id, type, title, credits, status, session_count, sessions)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (id) do update set type = excluded.type, title = excluded.title, credits = excluded.credits,
                    status = excluded.status, session_count = excluded.session_count, sessions = excluded.sessions
                """, UUID.fromString(p.get("programId").asString()), p.get("type").asString(), p.get("title").asString(),
                p.get("credits").decimalValue(), p.get("status").asString(), sessions.size(), json.writeValueAsString(sessions));
    }

    /** What is known of these programs; unknown ids are absent. */
    public Map<UUID, KnownProgram> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select id, type, title, credits, status, sessions from known_program where id = any(?)",
                (rs, n) -> new KnownProgram(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("title"),
                        rs.getBigDecimal("credits"), rs.getString("status"), sessions(rs.getString("sessions"))),
                (Object) ids.toArray(UUID[]::new)).stream().collect(Collectors.toMap(KnownProgram::id, Function.identity()));
    }

    private List<KnownProgram.Session> sessions(String stored) {
        List<KnownProgram.Session> sessions = new ArrayList<>();
        for (JsonNode s : json.readTree(stored)) {
            sessions.add(new KnownProgram.Session(UUID.fromString(s.get("sessionId").asString()),
                    Instant.parse(s.get("startsAt").asString()), s.get("credits").decimalValue(),
                    Payloads.text(s, "location")));
        }
        return sessions;
    }
}
