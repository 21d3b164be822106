package org.trainingsuite.learningplan.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trainingsuite.platform.test.Benchmarks;

/**
 * Benchmark, run by hand (bench/group-assignment.sh): a plan assigned to a group of N people by the real
 * service against a real PostgreSQL, with the heap capped; time and peak heap to a file. Runs only with
 * {@code -Dbench.members=N}. The outbox relay is off, so the timing is the assignment's alone.
 */
@EnabledIfSystemProperty(named = "bench.members", matches = "\\d+")
@SpringBootTest(properties = "platform.messaging.relay.enabled=false")
class GroupAssignmentBenchmark {

    @Autowired
    AssignmentService assignments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void assignsALargeGroupInBoundedMemory() throws Exception {
        int n = Integer.getInteger("bench.members");
        UUID plan = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        jdbc.update("""
                insert into plan (id, name, milestone_order_enforced, registration_type, auto_register, add_to_my_learning,
                                  status, version, created_at, updated_at)
                values (?, 'Bench plan', false, 'NON_ENFORCED', false, false, 'PUBLISHED', 0, now(), now())
                """, plan);
        jdbc.update("insert into group_member (group_id, person_id) select ?, 'person-' || g from generate_series(1, ?) g",
                group, n);

        Benchmarks.Run<AssignmentService.Result> run = Benchmarks.measure(() -> assignments.assignGroup(plan, group, null));
        AssignmentService.Result result = run.result();
        double seconds = run.seconds();

        assertThat(result.assigned()).isEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from assignment where plan_id = ?", Long.class, plan)).isEqualTo(n);
        String report = """
                group assignment benchmark (%s)
                group members: %d, chunks of %d, one transaction
                assigning (assignment row and assigned event per person): %.1f s, %.0f people/s
                peak heap during the run: %d MiB of a %d MiB maximum (includes the Spring context)
                PostgreSQL: %s
                """.formatted(Instant.now(), n, AssignmentService.CHUNK, seconds, n / seconds, run.peakHeapMiB(),
                run.maxHeapMiB(), org.trainingsuite.platform.test.TestPostgres.get().origin());
        Benchmarks.report(report, "target/group-assignment-benchmark.txt");
    }
}
