package org.trainingsuite.catalog.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trainingsuite.platform.test.TestPostgres;

/**
 * Benchmark, run by hand (bench/catalog-search.sh): N programs, then the catalog's real search (full
 * text, filters, pass filter) against a real PostgreSQL; latency percentiles per kind of query to a file.
 * Not part of the test suite: it runs only when {@code -Dbench.programs=N} is given.
 */
@EnabledIfSystemProperty(named = "bench.programs", matches = "\\d+")
class CatalogSearchBenchmark {

    private static final String[] WORDS = {"fire", "safety", "first", "aid", "leadership", "manager", "compliance",
            "privacy", "excel", "negotiation", "welding", "forklift", "hygiene", "coaching", "finance", "sales",
            "onboarding", "quality", "lean", "agile", "security", "phishing", "ethics", "diversity", "wellbeing",
            "driving", "electrical", "chemical", "ladder", "manual", "handling", "customer", "service", "writing",
            "presentation", "budget", "project", "planning", "risk", "audit"};
    private static final String[] CATEGORIES = {"Safety", "Leadership", "Compliance", "Technical", "Sales", "Wellbeing"};

    @Test
    void searchLatencyOnManyPrograms() throws IOException {
        int n = Integer.getInteger("bench.programs");
        int queries = Integer.getInteger("bench.queries", 300);
        TestPostgres pg = TestPostgres.get();
        Flyway.configure().dataSource(pg.jdbcUrl(), pg.username(), pg.password()).load().migrate();
        PGSimpleDataSource ds = pg.dataSource();
        JdbcTemplate jdbc = new JdbcTemplate(ds);

        long seeding = System.nanoTime();
        jdbc.update("""
                insert into program (id, type, delivery, title, description, objectives, category, credits, status,
                                     version, created_at, updated_at)
                select gen_random_uuid(),
                       (array['COURSE','EVENT','LEARNING_PATH','ACTIVITY'])[1 + (g % 4)],
                       (array['ONLINE','CLASSROOM','BLENDED'])[1 + (g % 3)],
                       initcap(w[1 + (g * 7) % 40] || ' ' || w[1 + (g * 13) % 40] || ' ' || w[1 + (g * 31) % 40]) || ' ' || g,
                       'Learn ' || w[1 + (g * 17) % 40] || ' and ' || w[1 + (g * 19) % 40] || ' in practice.',
                       'Apply ' || w[1 + (g * 23) % 40] || '.',
                       c[1 + (g % 6)], (g % 5), case when g % 10 = 0 then 'DRAFT' else 'PUBLISHED' end, 0, now(), now()
                from generate_series(1, ?) g, (select ?::text[] as w, ?::text[] as c) v
                """, n, WORDS, CATEGORIES);
        UUID passType = UUID.randomUUID();
        jdbc.update("insert into known_pass_type (id, code, name, status) values (?, 'BENCH', 'Bench', 'PUBLISHED')", passType);
        jdbc.update("insert into pass_type_item (pass_type_id, item_id) select ?, id::text from program where random() < 0.05", passType);
        jdbc.execute("analyze");
        double seedSeconds = (System.nanoTime() - seeding) / 1e9;

        ProgramSearch search = new ProgramSearch(jdbc);
        Random random = new Random(42);
        Map<String, Supplier<ProgramSearch.Criteria>> shapes = new LinkedHashMap<>();
        shapes.put("one word", () -> new ProgramSearch.Criteria(word(random), null, null, null, null, null, ProgramStatus.PUBLISHED));
        shapes.put("two words", () -> new ProgramSearch.Criteria(word(random) + " " + word(random), null, null, null, null, null,
                ProgramStatus.PUBLISHED));
        shapes.put("word + category + type", () -> new ProgramSearch.Criteria(word(random),
                CATEGORIES[random.nextInt(CATEGORIES.length)], ProgramType.COURSE, null, null, null, ProgramStatus.PUBLISHED));
        shapes.put("filters only (type, delivery)", () -> new ProgramSearch.Criteria(null, null, ProgramType.EVENT,
                Delivery.ONLINE, null, null, ProgramStatus.PUBLISHED));
        shapes.put("included in a pass + word", () -> new ProgramSearch.Criteria(word(random), null, null, null, null,
                passType, ProgramStatus.PUBLISHED));

        StringBuilder report = new StringBuilder("catalog search benchmark (" + Instant.now() + ")\n")
                .append("programs: ").append(n).append(" (90% published), seeding ").append(String.format("%.1f", seedSeconds))
                .append(" s, PostgreSQL ").append(pg.origin()).append("\n")
                .append("pages of 20, ").append(queries).append(" queries per kind after 20 warm-up queries; latency in ms\n")
                .append(String.format("%-32s %8s %8s %8s %8s%n", "query", "p50", "p95", "p99", "max"));
        for (Map.Entry<String, Supplier<ProgramSearch.Criteria>> shape : shapes.entrySet()) {
            for (int i = 0; i < 20; i++) {
                search.search(shape.getValue().get(), PageRequest.of(0, 20));
            }
            double[] millis = new double[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                ProgramSearch.Criteria criteria = shape.getValue().get();
                long t = System.nanoTime();
                hits += search.search(criteria, PageRequest.of(random.nextInt(3), 20)).getTotalElements();
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            assertThat(hits).as("the queries find something").isPositive();
            Arrays.sort(millis);
            report.append(String.format("%-32s %8.1f %8.1f %8.1f %8.1f%n", shape.getKey(), pct(millis, 50), pct(millis, 95),
                    pct(millis, 99), millis[millis.length - 1]));
        }
        System.out.println(report);
        Path out = Path.of(System.getProperty("bench.out", "target/catalog-search-benchmark.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
