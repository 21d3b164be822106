package org.trainingsuite.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.messaging.outbox.OutboxProducer;
import org.trainingsuite.platform.messaging.outbox.OutboxRelay;
import org.trainingsuite.platform.test.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's outbox and inbox tables in a schema of their own on the shared test database, migrated
 * by the platform's real Flyway migration; what a service gets, without a Spring context.
 */
final class OutboxTables {

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;

    private OutboxTables(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    static OutboxTables inFreshSchema() {
        TestPostgres pg = TestPostgres.get();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure()
                .dataSource(pg.jdbcUrl(), pg.username(), pg.password())
                .schemas(schema)
                .locations("classpath:db/migration/platform")
                .load()
                .migrate();
        PGSimpleDataSource ds = pg.dataSource();
        ds.setCurrentSchema(schema);
        return new OutboxTables(ds);
    }

    Outbox outbox(Runnable onCommit) {
        return new Outbox(jdbc, JsonMapper.builder().build(), "/test-service", Clock.systemUTC(), onCommit);
    }

    OutboxRelay relay(org.apache.kafka.clients.producer.Producer<String, byte[]> producer, int batchSize) {
        return new OutboxRelay(jdbc, transaction, producer, batchSize);
    }

    static org.apache.kafka.clients.producer.Producer<String, byte[]> producer(String bootstrap, Duration sendTimeout) {
        return OutboxProducer.create(bootstrap, "test-relay-" + UUID.randomUUID(), sendTimeout);
    }

    int pending() {
        Integer n = jdbc.queryForObject("select count(*) from outbox_event", Integer.class);
        return n == null ? 0 : n;
    }

    /** Records {@code perKey} events for each key, one transaction per event, payload {"key":..,"n":..}. */
    void recordSequences(Outbox outbox, EventType type, int keys, int perKey) {
        recordSequences(outbox, type, keys, 0, perKey);
    }

    /** As above, numbering the events of each key from {@code from} (inclusive) to {@code to} (exclusive). */
    void recordSequences(Outbox outbox, EventType type, int keys, int from, int to) {
        for (int n = from; n < to; n++) {
            for (int k = 0; k < keys; k++) {
                int number = n;
                String key = "key-" + k;
                transaction.executeWithoutResult(status -> outbox.record(type, key, new Numbered(key, number)));
            }
        }
    }

    record Numbered(String key, int n) {
    }
}
