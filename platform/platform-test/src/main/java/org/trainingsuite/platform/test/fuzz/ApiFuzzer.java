package org.trainingsuite.platform.test.fuzz;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fuzzes every operation of a running service, over real HTTP, from the OpenAPI document it publishes.
 *
 * <p>Usage, in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test:
 * <pre>{@code
 * ApiFuzzer.against("http://localhost:" + port).run().assertClean();
 * }</pre>
 *
 * <p>The run reads {@code /v3/api-docs}, then: creates resources first (every POST without path parameters,
 * then every list, then every POST with path parameters), keeping the ids seen in successful answers; then
 * sends each operation, in sorted order (DELETEs last, so they remove little that others use), a mix of
 * valid-looking requests and requests with one invalid parameter, field or body (see {@code Mutations}).
 * Valid-looking requests go with an ADMIN, LEARNER, SERVICE or no token; invalid ones mostly with a token
 * the operation already let through, so that they reach its code. Everything is drawn from one
 * {@link java.util.Random} per operation, seeded from the run's seed and the operation ("METHOD /path"), so
 * a run replays with the same seed (as long as the service answers the same; the ids it generates aside).
 *
 * <p>{@link FuzzReport#assertClean()} fails on any 5xx (or request left unanswered), on an operation no
 * request reached (every answer 401, 403, 405, 415 or 5xx), and on a document without operations.
 *
 * <p>System properties: {@code fuzz.seed} (default {@value #DEFAULT_SEED}) and {@code fuzz.requests}, the
 * most requests per operation (default {@value #DEFAULT_REQUESTS}; an operation with few inputs gets fewer);
 * {@code fuzz.trace=true} prints every exchange.
 */
public final class ApiFuzzer {

    /** The seed when {@code -Dfuzz.seed} is not given. */
    public static final long DEFAULT_SEED = 20261203L;
    /** The most requests per operation when {@code -Dfuzz.requests} is not given. */
    public static final int DEFAULT_REQUESTS = 100;

    private final URI baseUrl;
    private long seed = longProperty("fuzz.seed", DEFAULT_SEED);
    private int requests = (int) longProperty("fuzz.requests", DEFAULT_REQUESTS);
    private String docsPath = "/v3/api-docs";
    private Duration timeout = Duration.ofSeconds(20);
    private PrintStream out = System.out;
    private boolean trace = Boolean.getBoolean("fuzz.trace");
    private final Map<String, List<String>> knownIds = new LinkedHashMap<>();

    private ApiFuzzer(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A fuzzer for the service listening at {@code baseUrl}, e.g. {@code http://localhost:54321}. */
    public static ApiFuzzer against(String baseUrl) {
        String url = Objects.requireNonNull(baseUrl, "baseUrl");
        return new ApiFuzzer(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    /** Overrides {@code -Dfuzz.seed}. */
    public ApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Overrides {@code -Dfuzz.requests}: the most requests sent to one operation. */
    public ApiFuzzer requestsPerOperation(int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("requests per operation must be positive: " + requests);
        }
        this.requests = requests;
        return this;
    }

    /** Where the OpenAPI document is (default {@code /v3/api-docs}). */
    public ApiFuzzer docsPath(String docsPath) {
        this.docsPath = docsPath;
        return this;
    }

    /** How long one request may take before it counts as unanswered (default 20 s). */
    public ApiFuzzer timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Where the per-operation summary is printed (default stdout). */
    public ApiFuzzer printTo(PrintStream out) {
        this.out = out;
        return this;
    }

    /**
     * An id the API cannot create but refers to, made by the test beforehand (a person or an account another
     * service announces by event): used like the ids seen in answers, for path parameters and fields named
     * after {@code kind} ("person" for {@code personId} and {@code /people/{id}}, "account", "program"...).
     */
    public ApiFuzzer knownId(String kind, String id) {
        knownIds.computeIfAbsent(IdPool.kindOfName(kind), k -> new ArrayList<>()).add(id);
        return this;
    }

    /** Overrides {@code -Dfuzz.trace}: print every exchange (status, method, URL, mutation, token) as it happens. */
    public ApiFuzzer trace(boolean trace) {
        this.trace = trace;
        return this;
    }

    /** Fuzzes every operation; prints the summary and returns the report (assert with {@link FuzzReport#assertClean()}). */
    public FuzzReport run() {
        FuzzReport report = new FuzzSession(baseUrl, docsPath, seed, requests, timeout, trace ? out : null, knownIds).run();
        out.println(report.summary());
        if (!report.failures().isEmpty()) {
            out.println(report.failureReport());
        }
        return report;
    }

    private static long longProperty(String name, long defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : Long.parseLong(value.trim());
    }
}
