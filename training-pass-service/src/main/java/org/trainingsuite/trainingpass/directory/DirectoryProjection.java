package org.trainingsuite.trainingpass.directory;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.messaging.IncomingEvent;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the people and accounts of directory-service that passes are checked against ("is this contact
 * in the pass's account?"), from {@code directory.people} and {@code directory.accounts}. Each row keeps
 * the version of the event that wrote it, and an older version never overwrites a newer one, so
 * replays and redeliveries are harmless.
 */
@Component
public class DirectoryProjection {

    private final JdbcTemplate jdbc;
    private final KnownPersonRepository people;

    DirectoryProjection(JdbcTemplate jdbc, KnownPersonRepository people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    void personChanged(IncomingEvent event) {
        JsonNode p = event.payload();
        JsonNode account = p.get("accountId");
        jdbc.update("""
                insert into known_person (id, name, email, account_id, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, email = excluded.email,
                    account_id = excluded.account_id, version = excluded.version
                where known_person.version < excluded.version
                """, p.get("personId").asString(), p.get("name").asString(), p.get("email").asString(),
                account == null || account.isNull() ? null : UUID.fromString(account.asString()), p.get("version").asLong());
    }

    void accountChanged(IncomingEvent event) {
        JsonNode a = event.payload();
        jdbc.update("""
                insert into known_account (id, name, version) values (?, ?, ?)
                on conflict (id) do update set name = excluded.name, version = excluded.version
                where known_account.version < excluded.version
                """, UUID.fromString(a.get("accountId").asString()), a.get("name").asString(), a.get("version").asLong());
    }

    /** Refuses (400, naming {@code field}) a contact that is not a person of {@code accountId}. */
    public void requireContactOf(UUID accountId, String contactId, String field) {
        if (!people.existsByIdAndAccountId(contactId, accountId)) {
            throw new InvalidInputException(field, "person " + contactId + " is not a contact of account " + accountId);
        }
    }

    /** Refuses (400, naming {@code field}) an account the directory has not told us about. */
    public void requireAccount(UUID accountId, String field) {
        Integer n = jdbc.queryForObject("select count(*) from known_account where id = ?", Integer.class, accountId);
        if (n == null || n == 0) {
            throw new InvalidInputException(field, "no account " + accountId + " in the directory");
        }
    }
}
