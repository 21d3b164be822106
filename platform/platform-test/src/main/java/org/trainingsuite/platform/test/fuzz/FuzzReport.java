package org.trainingsuite.platform.test.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;

/** What a fuzz run sent and got: per-operation statistics, every failing exchange, and the assertions. */
public final class FuzzReport {

    /** How many failing exchanges the failure message spells out in full. */
    public static final int DETAILED_FAILURES = 20;
    private static final int DISTINCT_FAILURES = 200;

    /**
     * One operation's statistics.
     *
     * @param operation "METHOD /path"
     * @param requests  requests sent
     * @param mutationsSent how many of them carried a mutation
     * @param mutations how many (target, mutation) pairs the operation has; more requests send more of them
     * @param statuses  how many answers of each status (-1: no answer)
     * @param reached   whether one request went past routing and security (see {@link Exchange#reachedOperation()})
     * @param millis    time spent on it
     */
    public record OperationSummary(String operation, int requests, int mutationsSent, int mutations,
                                   SortedMap<Integer, Integer> statuses,
                                   boolean reached, long millis) {
    }

    private final String baseUrl;
    private final long seed;
    private final int requestsPerOperation;
    private final List<OperationSummary> operations;
    private final List<Exchange> failures;
    private final Map<String, SortedSet<Integer>> undocumentedStatuses;
    private final long millis;

    FuzzReport(String baseUrl, long seed, int requestsPerOperation, List<OperationSummary> operations,
               List<Exchange> failures, Map<String, SortedSet<Integer>> undocumentedStatuses, long millis) {
        this.baseUrl = baseUrl;
        this.seed = seed;
        this.requestsPerOperation = requestsPerOperation;
        this.operations = List.copyOf(operations);
        this.failures = List.copyOf(failures);
        this.undocumentedStatuses = Map.copyOf(undocumentedStatuses);
        this.millis = millis;
    }

    public long seed() {
        return seed;
    }

    public List<OperationSummary> operations() {
        return operations;
    }

    /** Every 5xx or unanswered request, in the order sent. */
    public List<Exchange> failures() {
        return failures;
    }

    /**
     * Per operation ("METHOD /path"), the success statuses it answered that its OpenAPI document does not list:
     * a client generated from the document would not expect them (a create answering 201 documented as 200).
     */
    public Map<String, SortedSet<Integer>> undocumentedStatuses() {
        return undocumentedStatuses;
    }

    public int totalRequests() {
        return operations.stream().mapToInt(OperationSummary::requests).sum();
    }

    /** The operations no request reached. */
    public List<String> unreachedOperations() {
        return operations.stream().filter(o -> !o.reached()).map(OperationSummary::operation).toList();
    }

    /** One line per operation: requests sent, reached or not, the status histogram; then the totals. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("API fuzz of ").append(baseUrl).append(": ").append(operations.size()).append(" operations, ")
                .append(totalRequests()).append(" requests in ").append(millis).append(" ms, ")
                .append(failures.size()).append(" failures, ").append(unreachedOperations().size())
                .append(" operations not reached (").append(replay()).append(")\n");
        int width = operations.stream().mapToInt(o -> o.operation().length()).max().orElse(10);
        for (OperationSummary o : operations) {
            out.append(String.format("  %-" + width + "s %5d req %9s mutations %7d ms %s", o.operation(), o.requests(),
                    o.mutationsSent() + "/" + o.mutations(), o.millis(), o.reached() ? "" : "NOT REACHED "))
                    .append(o.statuses()).append('\n');
        }
        return out.toString();
    }

    /**
     * The failures for a reader who will fix them: the distinct (operation, mutation, status) kinds with
     * their counts, then the first {@value #DETAILED_FAILURES} exchanges in full, and how to replay.
     */
    public String failureReport() {
        StringBuilder out = new StringBuilder();
        out.append(failures.size()).append(" requests answered 5xx or not at all (").append(replay()).append(")\n");
        Map<String, Integer> distinct = new LinkedHashMap<>();
        for (Exchange f : failures) {
            distinct.merge(f.operation() + " | " + f.mutation() + " | " + f.status(), 1, Integer::sum);
        }
        out.append("Distinct failures (operation | mutation | status: count):\n");
        distinct.entrySet().stream().limit(DISTINCT_FAILURES)
                .forEach(e -> out.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        if (distinct.size() > DISTINCT_FAILURES) {
            out.append("  ... and ").append(distinct.size() - DISTINCT_FAILURES).append(" more\n");
        }
        out.append("First ").append(Math.min(DETAILED_FAILURES, failures.size())).append(" failures:\n");
        int n = 0;
        for (Exchange f : failures.subList(0, Math.min(DETAILED_FAILURES, failures.size()))) {
            out.append("#").append(++n).append(' ').append(f.operation()).append(" [").append(f.mutation())
                    .append("] token ").append(f.role()).append(f.subject() == null ? "" : " (" + f.subject() + ")")
                    .append('\n');
            out.append("    ").append(f.method()).append(' ').append(shorten(f.url(), 400)).append('\n');
            if (f.requestBody() != null) {
                out.append("    Content-Type: ").append(f.contentType()).append("; body: ")
                        .append(shorten(f.requestBody(), 400)).append('\n');
            }
            out.append("    -> ").append(f.status()).append(' ').append(shorten(f.responseBody(), 600)).append('\n');
        }
        return out.toString();
    }

    /**
     * Fails, listing everything at once, when the document had no operation, when any request was answered
     * with a 5xx (or not at all), when an operation was never reached, or when one answered a success status its
     * document does not list.
     */
    public void assertClean() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(operations).as("operations in the API document of %s", baseUrl).isNotEmpty();
        softly.assertThat(failures).withFailMessage("%s", failureReport()).isEmpty();
        List<String> unreached = unreachedOperations();
        softly.assertThat(unreached).withFailMessage("%s", unreachedReport()).isEmpty();
        softly.assertThat(undocumentedStatuses).withFailMessage(
                "Operations answered success statuses their document does not list (declare them, e.g. "
                        + "@ResponseStatus(HttpStatus.CREATED) on a create): %s", new TreeMap<>(undocumentedStatuses))
                .isEmpty();
        softly.assertAll();
    }

    private String unreachedReport() {
        List<String> lines = new ArrayList<>();
        lines.add("Operations no request reached (every answer was 401, 403, 405, 415, 5xx or none; " + replay()
                + "): teach the fuzzer to build a request they accept, or fix them:");
        for (OperationSummary o : operations) {
            if (!o.reached()) {
                lines.add("  " + o.operation() + " " + o.statuses());
            }
        }
        return String.join("\n", lines);
    }

    private String replay() {
        return "seed " + seed + ", replay with -Dfuzz.seed=" + seed + " -Dfuzz.requests=" + requestsPerOperation;
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !(Character.isHighSurrogate(c)
                    && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.append(String.format("\\u%04x", (int) c)); // NUL, lone surrogates: visible, not swallowed
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && text.length() > max) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
