package org.trainingsuite.trainingpass.pass;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.test.Benchmarks;
import org.trainingsuite.platform.test.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark, run by hand (bench/pass-expiry.sh): N passes expiring on the same day, expired by the real
 * job against a real PostgreSQL, with the heap capped. Reports time, rate and peak heap to a file.
 * Not part of the test suite: it runs only when {@code -Dbench.passes=N} is given.
 */
@EnabledIfSystemProperty(named = "bench.passes", matches = "\\d+")
class PassExpiryBenchmark {

    @Test
    void expiresManyPassesInBoundedMemory() throws Exception {
        int n = Integer.getInteger("bench.passes");
        int batch = Integer.getInteger("bench.batch", 1000);
        TestPostgres pg = TestPostgres.get();
        Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).load().migrate();
        PGSimpleDataSource ds = pg.dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(ds);

        UUID type = UUID.randomUUID();
        UUID option = UUID.randomUUID();
        jdbc.update("insert into pass_type (id, code, name, status, version, created_at, updated_at) values (?, 'BENCH', 'Bench', 'PUBLISHED', 0, now(), now())", type);
        jdbc.update("insert into pass_option (id, pass_type_id, name, period_value, period_unit, status, position) values (?, ?, 'Annual', 12, 'MONTHS', 'PUBLISHED', 0)", option, type);
        long seeding = System.nanoTime();
        jdbc.update("""
                insert into pass (id, pass_type_id, option_id, account_id, status, issued_on, expires_on, version, created_at, updated_at)
                select gen_random_uuid(), ?, ?, gen_random_uuid(), 'ACTIVE', date '2025-03-01', date '2026-03-01', 0, now(), now()
                from generate_series(1, ?)
                """, type, option, n);
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;

        Clock dayAfter = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);
        Outbox outbox = new Outbox(jdbc, JsonMapper.builder().build(), "/training-pass-service", dayAfter, () -> { });
        PassExpiryJob job = new PassExpiryJob(jdbc, new DataSourceTransactionManager(ds), outbox, dayAfter, batch);

        Benchmarks.Run<Integer> run = Benchmarks.measure(job::expireDuePasses);
        int expired = run.result();
        double seconds = run.seconds();

        assertThat(expired).isEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_type = 'training-pass.pass.expired.v1'", Long.class))
                .isEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from pass where status = 'ACTIVE'", Long.class)).isZero();

        String report = """
                pass expiry benchmark (%s)
                passes due the same day: %d, batch size: %d
                seeding (one INSERT..SELECT): %.1f s
                expiring (status, history row and outbox event per pass): %.1f s, %.0f passes/s
                peak heap during the run: %d MiB of a %d MiB maximum
                PostgreSQL: %s
                """.formatted(Instant.now(), n, batch, seedSeconds, seconds, n / seconds, run.peakHeapMiB(), run.maxHeapMiB(),
                pg.origin());
        Benchmarks.report(report, "target/pass-expiry-benchmark.txt");
    }
}
