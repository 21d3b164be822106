package org.trainingsuite.trainingpass;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trainingsuite.platform.test.TestEvents;

/**
 * Plays directory-service: publishes real {@code directory.people} / {@code directory.accounts} events
 * (CloudEvents headers, JSON body as directory-service emits them) and waits until the service's
 * projection has them.
 */
final class DirectoryEvents {


    private final JdbcTemplate jdbc;

    DirectoryEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID account(String name) {
        UUID id = UUID.randomUUID();
        send("directory.accounts", "directory.account.created.v1", id.toString(), """
                {"accountId": "%s", "name": "%s", "externalRef": null, "version": 0}""".formatted(id, name));
        await("known_account", id.toString());
        return id;
    }

    String person(String name, UUID accountId) {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        personChanged(id, name, accountId, 0);
        return id;
    }

    /** A person.updated event moving {@code personId} to {@code accountId}. */
    void personChanged(String personId, String name, UUID accountId, long version) {
        long v = version;
        send("directory.people", v == 0 ? "directory.person.created.v1" : "directory.person.updated.v1", personId, """
                {"personId": "%s", "name": "%s", "email": "%s@example.org", "accountId": %s, "version": %d}"""
                .formatted(personId, name, personId, accountId == null ? "null" : "\"" + accountId + "\"", v));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Long stored = jdbc.query("select version from known_person where id = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, personId);
            return stored != null && stored >= v;
        });
    }

    private void await(String table, String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Integer n = jdbc.queryForObject("select count(*) from " + table + " where id::text = ?", Integer.class, id);
            return n != null && n > 0;
        });
    }

    private static void send(String topic, String type, String key, String body) {
        TestEvents.publish(topic, type, key, body);
    }
}
