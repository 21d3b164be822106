package org.trainingsuite.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trainingsuite.platform.test.Benchmarks;
import org.trainingsuite.reporting.report.Report;
import org.trainingsuite.reporting.report.ReportRunner;
import org.trainingsuite.reporting.report.Reports;

/**
 * Benchmark, run by hand (bench/report-export.sh): the Learning Plan Status Highlights of N (plan, person)
 * rows exported as CSV, against a real PostgreSQL, with the heap capped; time, size and peak heap to a file.
 * The CSV goes to a stream that only counts, so the heap holds only what the export itself keeps. Runs only
 * with {@code -Dbench.rows=N}.
 */
@EnabledIfSystemProperty(named = "bench.rows", matches = "\\d+")
@SpringBootTest(properties = "spring.cloud.stream.bindings.events-in-0.consumer.auto-startup=false")
class ReportExportBenchmark {

    @Autowired
    ReportRunner runner;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exportsAMillionRowsInBoundedMemory() throws Exception {
        int n = Integer.getInteger("bench.rows");
        UUID plan = UUID.randomUUID();
        jdbc.update("insert into plan (id, name, due_date, status, version) values (?, 'Bench plan', date '2026-12-31', 'PUBLISHED', 1)",
                plan);
        jdbc.update("""
                insert into plan_milestone (plan_id, milestone_id, name, metric, units_required, position, program_ids)
                values (?, gen_random_uuid(), 'Basics', 'SESSIONS', 2, 0, array[gen_random_uuid()]),
                       (?, gen_random_uuid(), 'Credits', 'CREDITS', 3, 1, array[gen_random_uuid()])
                """, plan, plan);
        jdbc.update("""
                insert into lp_row (plan_id, person_id, plan_name, via, due_date, assigned_at)
                select ?, 'person-' || g, 'Bench plan', 'GROUP', date '2026-12-31', now() from generate_series(1, ?) g
                """, plan, n);
        jdbc.execute("analyze");

        long[] bytes = new long[1];
        long[] lines = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
                if (b == '\n') {
                    lines[0]++;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        lines[0]++;
                    }
                }
            }
        };
        Benchmarks.Run<Void> run = Benchmarks.measure(() -> {
            runner.csv(Reports.PLAN_STATUS, List.of(Report.Filter.of("plan_id = ?", plan)), Sort.unsorted(), counting);
            return null;
        });
        double seconds = run.seconds();

        assertThat(lines[0]).isEqualTo(n + 1L);
        String report = """
                report export benchmark (%s)
                Learning Plan Status Highlights as CSV: %d rows (plus the header), %d MiB
                export: %.1f s, %.0f rows/s
                peak heap during the export: %d MiB of a %d MiB maximum (includes the Spring context)
                PostgreSQL: %s
                """.formatted(Instant.now(), n, bytes[0] >> 20, seconds, n / seconds, run.peakHeapMiB(),
                run.maxHeapMiB(), org.trainingsuite.platform.test.TestPostgres.get().origin());
        Benchmarks.report(report, "target/report-export-benchmark.txt");
    }
}
