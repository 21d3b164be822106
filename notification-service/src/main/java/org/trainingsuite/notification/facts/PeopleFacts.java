package org.trainingsuite.notification.facts;

import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.Payloads;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Who to write to, from {@code directory.people} (binding {@code people-in-0}): name, email, account. The
 * address is read when a message is sent, so a changed email is used from then on. Older versions are ignored.
 */
@Configuration
public class PeopleFacts {

    private final JdbcTemplate jdbc;

    PeopleFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    Consumer<Message<byte[]>> people(InboxConsumer.Factory consumers) {
        return consumers.named("notification.people")
                .on("directory.person.created.v1", this::changed)
                .on("directory.person.updated.v1", this::changed)
                .build();
    }

    void changed(IncomingEvent event) {
        JsonNode p = event.payload();
        String account = Payloads.text(p, "accountId");
        jdbc.update("""
                insert into person (id, name, email, account_id, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, email = excluded.email, account_id = excluded.account_id,
                    version = excluded.version
                where person.version < excluded.version
                """, p.get("personId").asString(), Payloads.text(p, "name"), Payloads.text(p, "email"),
                account == null ? null : UUID.fromString(account), p.get("version").asLong());
    }
}
