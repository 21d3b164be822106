package org.trainingsuite.platform.test.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.fuzz.ApiDocument.Operation;
import org.trainingsuite.platform.test.fuzz.ApiDocument.Param;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** One fuzz run: the document, the id pool, the statistics. */
final class FuzzSession {

    /** Even an operation without inputs is sent this many requests (tokens vary), unless fewer are asked. */
    private static final int MIN_PER_OPERATION = 12;
    /** Valid requests of each POST that creates, before the fuzzing. */
    private static final int CREATIONS = 3;
    /** One request in this many is valid-looking; the others carry one mutation. */
    private static final int VALID_EVERY = 4;
    private static final int KEPT_BODY = 2_000;
    private static final String VALID = "valid";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String docsPath;
    private final long seed;
    private final int requests;
    private final Duration timeout;
    private final HttpClient client;
    private final PrintStream trace;
    private final IdPool pool = new IdPool();
    private final Map<String, String> bearers = new HashMap<>();
    private final Map<String, Random> randoms = new HashMap<>();
    private final Map<String, Stats> stats = new LinkedHashMap<>();
    private final List<Exchange> failures = new ArrayList<>();
    /** Per operation, the success statuses it answered that its document does not list (e.g. 201 documented as 200). */
    private final Map<String, SortedSet<Integer>> undocumented = new TreeMap<>();
    /** Per operation, the optional parameters and body properties whose generated values were refused. */
    private final Map<String, Set<String>> refused = new HashMap<>();
    private ApiDocument document;

    FuzzSession(URI baseUrl, String docsPath, long seed, int requests, Duration timeout, PrintStream trace,
                Map<String, List<String>> knownIds) {
        this.trace = trace;
        knownIds.forEach((kind, ids) -> ids.forEach(id -> pool.add(kind, id)));
        this.baseUrl = baseUrl;
        this.docsPath = docsPath;
        this.seed = seed;
        this.requests = requests;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static final class Stats {
        int requests;
        int mutations;
        int mutationsSent;
        /** The roles a request of the operation went through security with; ordered, for replays. */
        final EnumSet<TokenRole> admitted = EnumSet.noneOf(TokenRole.class);
        final TreeMap<Integer, Integer> statuses = new TreeMap<>();
        boolean reached;
        long millis;
    }

    /** A place a mutation goes: a parameter, a body field (JSON path), the whole body, or the request. */
    private record Target(Param param, List<String> field, boolean wholeBody, JsonNode schema) {

        static final Target REQUEST = new Target(null, null, false, JsonNodeFactory.instance.objectNode());

        String describe() {
            if (param != null) {
                return param.in() + " " + param.name();
            }
            if (wholeBody) {
                return "body";
            }
            return field == null ? "request" : "body." + String.join(".", field);
        }
    }

    /** One planned invalid request: a value at a target, a whole body, or a change to the request. */
    private record Planned(Target target, Mutations.Value value, Mutations.Body body, Mutations.Request request) {

        Planned(Target target, Mutations.Value value, Mutations.Body body) {
            this(target, value, body, null);
        }

        String describe() {
            return body != null ? body.name() : request != null ? request.name() : target.describe() + ": " + value.name();
        }
    }

    FuzzReport run() {
        try (client) {
            return fuzzAll();
        }
    }

    private FuzzReport fuzzAll() {
        long started = System.nanoTime();
        document = new ApiDocument(fetchDocument());
        List<Operation> operations = new ArrayList<>(document.operations());
        operations.sort(Comparator.comparing((Operation o) -> o.method().equals("DELETE"))
                .thenComparing(Operation::path).thenComparing(Operation::method));
        for (Operation op : operations) {
            stats.put(op.key(), new Stats());
            randoms.put(op.key(), new Random(mix(seed, op.key())));
        }
        create(operations);
        for (Operation op : operations) {
            fuzz(op);
        }
        List<FuzzReport.OperationSummary> summaries = new ArrayList<>();
        for (Operation op : operations) {
            Stats s = stats.get(op.key());
            summaries.add(new FuzzReport.OperationSummary(op.key(), s.requests, s.mutationsSent, s.mutations,
                    Collections.unmodifiableSortedMap(s.statuses), s.reached, s.millis));
        }
        return new FuzzReport(baseUrl.toString(), seed, requests, summaries, failures, undocumented,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Seed and operation mixed into one seed (FNV-1a of the key, then a 64-bit finaliser). */
    static long mix(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        long z = seed ^ h;
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private JsonNode fetchDocument() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + docsPath)).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                        + FuzzReport.shorten(response.body(), 500));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the API document at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes resources before the fuzzing, so that later operations find ids: the POSTs that need no id, the
     * lists (which also show what other tests made), then the POSTs under an id.
     */
    private void create(List<Operation> operations) {
        for (Operation op : operations) {
            if (op.method().equals("POST") && !op.hasPathParams()) {
                for (int i = 0; i < CREATIONS; i++) {
                    send(op, null, creatorRole(op));
                }
            }
        }
        for (Operation op : operations) {
            if (op.method().equals("GET") && !op.hasPathParams()) {
                send(op, null, creatorRole(op));
            }
        }
        for (Operation op : operations) {
            if (op.method().equals("POST") && op.hasPathParams()) {
                for (int i = 0; i < CREATIONS - 1; i++) {
                    send(op, null, creatorRole(op));
                }
            }
        }
    }

    private static TokenRole creatorRole(Operation op) {
        return op.isPersonal() ? TokenRole.LEARNER : TokenRole.ADMIN;
    }

    private void fuzz(Operation op) {
        Random random = randoms.get(op.key());
        List<Planned> plan = plan(op, random);
        stats.get(op.key()).mutations = plan.size();
        int budget = Math.min(requests, Math.max(MIN_PER_OPERATION, plan.size() * VALID_EVERY / (VALID_EVERY - 1) + 4));
        Iterator<Planned> next = plan.iterator();
        for (int i = 0; i < budget; i++) {
            Planned planned = i % VALID_EVERY != 0 && next.hasNext() ? next.next() : null;
            if (planned != null) {
                stats.get(op.key()).mutationsSent++;
            }
            send(op, planned, planned == null ? role(op, random) : mutationRole(op, random));
        }
    }

    /**
     * A mutation is wasted on a token the operation refuses: mostly one of the roles it already let through
     * (still now and then any, so that refusals of invalid input by the security layer are seen too).
     */
    private TokenRole mutationRole(Operation op, Random random) {
        int dice = random.nextInt(100);
        List<TokenRole> admitted = new ArrayList<>(stats.get(op.key()).admitted);
        if (dice < 15 || admitted.isEmpty()) {
            return role(op, random);
        }
        return admitted.get(random.nextInt(admitted.size()));
    }

    private static TokenRole role(Operation op, Random random) {
        int dice = random.nextInt(100);
        if (op.isPersonal()) {
            return dice < 60 ? TokenRole.LEARNER : dice < 80 ? TokenRole.ADMIN : dice < 90 ? TokenRole.SERVICE : TokenRole.NONE;
        }
        return dice < 55 ? TokenRole.ADMIN : dice < 75 ? TokenRole.LEARNER : dice < 90 ? TokenRole.SERVICE : TokenRole.NONE;
    }

    /**
     * Every (target, mutation) pair of the operation, ordered so that a small budget still covers much: first
     * each mutation once (at a random target), then round robin over the targets with the mutations that
     * matter for their type, then the rest; shuffled within each step.
     */
    private List<Planned> plan(Operation op, Random random) {
        List<Planned> all = new ArrayList<>();
        for (Param param : op.params()) {
            if (param.in().equals("header")) {
                continue;
            }
            Target target = new Target(param, null, false, param.schema());
            for (Mutations.Value value : Mutations.VALUES) {
                if (value.raw() == null) {
                    continue;
                }
                boolean special = value.raw().equals(Mutations.ABSENT) || value.raw().equals(Mutations.REPEATED);
                if (param.in().equals("path") && special
                        || value.raw().equals(Mutations.ABSENT) && !param.required()) {
                    continue;
                }
                all.add(new Planned(target, value, null));
            }
        }
        if (op.body() != null) {
            JsonNode schema = op.body().schema();
            for (Map.Entry<List<String>, JsonNode> entry : fields(schema, new ArrayList<>(), 0).entrySet()) {
                List<String> field = entry.getKey();
                Target target = new Target(null, field, false, entry.getValue());
                boolean required = isRequired(schema, field);
                for (Mutations.Value value : Mutations.VALUES) {
                    if (value.json() == null || value.json().equals(Mutations.ABSENT) && !required) {
                        continue;
                    }
                    all.add(new Planned(target, value, null));
                }
            }
            Target whole = new Target(null, null, true, schema);
            for (Mutations.Body body : Mutations.BODIES) {
                all.add(new Planned(whole, null, body));
            }
        }
        for (Mutations.Request request : Mutations.REQUESTS) {
            boolean applies = request.header() == null ? op.method().equals("GET")
                    : !request.header().equals("Content-Type") || op.body() != null;
            if (applies) {
                all.add(new Planned(Target.REQUEST, null, null, request));
            }
        }
        Collections.shuffle(all, random);
        List<Planned> ordered = new ArrayList<>();
        Set<Planned> taken = new HashSet<>();
        Set<String> mutationsSeen = new HashSet<>();
        for (Planned p : all) {
            String mutation = p.body() != null ? p.body().name() : p.request() != null ? p.request().name() : p.value().name();
            if (mutationsSeen.add(mutation)) {
                ordered.add(p);
                taken.add(p);
            }
        }
        // then round robin over the targets, each with the mutations that matter for its type first, so that a
        // budget cut anywhere has spread over every field and parameter
        Map<String, List<Planned>> byTarget = new LinkedHashMap<>();
        for (Planned p : all) {
            if (p.value() != null && !taken.contains(p) && Mutations.mattersFor(p.value(), document.resolve(p.target().schema()))) {
                byTarget.computeIfAbsent(p.target().describe(), k -> new ArrayList<>()).add(p);
            }
        }
        for (int round = 0; !byTarget.isEmpty(); round++) {
            Iterator<List<Planned>> lists = byTarget.values().iterator();
            while (lists.hasNext()) {
                List<Planned> list = lists.next();
                if (round >= list.size()) {
                    lists.remove();
                } else if (taken.add(list.get(round))) {
                    ordered.add(list.get(round));
                }
            }
        }
        for (Planned p : all) {
            if (taken.add(p)) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    /** The JSON paths of every field of a body schema, with their schemas; nested objects and first array elements included. */
    private Map<List<String>, JsonNode> fields(JsonNode rawSchema, List<String> prefix, int depth) {
        Map<List<String>, JsonNode> result = new LinkedHashMap<>();
        JsonNode schema = document.resolve(rawSchema);
        if (depth > 4) {
            return result;
        }
        String type = ApiDocument.type(schema);
        if (type.equals("object")) {
            for (Map.Entry<String, JsonNode> property : document.properties(schema).entrySet()) {
                JsonNode propertySchema = document.resolve(property.getValue());
                if (propertySchema.path("readOnly").asBoolean(false)) {
                    continue;
                }
                List<String> path = new ArrayList<>(prefix);
                path.add(property.getKey());
                result.put(path, propertySchema);
                result.putAll(fields(propertySchema, path, depth + 1));
            }
        } else if (type.equals("array")) {
            List<String> element = new ArrayList<>(prefix);
            element.add("0");
            result.put(element, document.resolve(schema.path("items")));
            result.putAll(fields(schema.path("items"), element, depth + 1));
        }
        return result;
    }

    private boolean isRequired(JsonNode schema, List<String> field) {
        JsonNode parent = document.resolve(schema);
        for (int i = 0; i < field.size() - 1; i++) {
            String step = field.get(i);
            parent = document.resolve(ApiDocument.type(parent).equals("array") ? parent.path("items")
                    : document.properties(parent).getOrDefault(step, JsonNodeFactory.instance.objectNode()));
        }
        String last = field.getLast();
        return ApiDocument.type(parent).equals("array") || document.required(parent).contains(last);
    }

    /** Builds one request (valid, or with the planned mutation), sends it and records the answer. */
    private void send(Operation op, Planned planned, TokenRole role) {
        Random random = randoms.get(op.key());
        Map<String, String> pathValues = new LinkedHashMap<>();
        Set<String> omitted = new HashSet<>(refused.getOrDefault(op.key(), Set.of()));
        if (planned != null && planned.target().field() != null) {
            omitted.remove(planned.target().field().getFirst());
        }
        ValueGenerator values = new ValueGenerator(document, random, pool, planned != null, omitted);
        String kindBefore = null;
        String path = op.path();
        String[] segments = op.path().split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                Param param = op.params().stream().filter(p -> p.in().equals("path") && p.name().equals(name))
                        .findFirst().orElse(new Param(name, "path", true, JsonNodeFactory.instance.objectNode()));
                String kind = name.equals("id") && kindBefore != null ? kindBefore : IdPool.kindOfName(name);
                String value = values.pathValue(param, kind, nextPathKind(segments, i));
                pathValues.put(name, value);
                String raw = planned != null && planned.target().param() == param ? planned.value().raw() : encode(value);
                path = path.replace(segment, raw);
            } else if (!segment.isEmpty()) {
                kindBefore = IdPool.singular(segment);
            }
        }
        List<String> query = new ArrayList<>();
        List<String[]> headers = new ArrayList<>();
        for (Param param : op.params()) {
            boolean targeted = planned != null && planned.target().param() == param;
            if (param.in().equals("query")) {
                if (targeted) {
                    String raw = planned.value().raw();
                    if (raw.equals(Mutations.REPEATED)) {
                        for (int i = 0; i < 2; i++) {
                            values.paramValues(param, op.responseSchema()).forEach(v -> query.add(encode(param.name()) + "=" + encode(v)));
                        }
                    } else if (!raw.equals(Mutations.ABSENT)) {
                        query.add(encode(param.name()) + "=" + raw);
                    }
                } else if (random.nextBoolean() && !omitted.contains(param.name()) || param.required()) {
                    values.paramValues(param, op.responseSchema()).forEach(v -> query.add(encode(param.name()) + "=" + encode(v)));
                }
            } else if (param.in().equals("header") && (param.required() || random.nextBoolean())) {
                headers.add(new String[] {param.name(), String.join(",", values.paramValues(param, op.responseSchema()))});
            }
        }
        String url = baseUrl + path + (query.isEmpty() ? "" : "?" + String.join("&", query));

        String contentType = null;
        byte[] body = null;
        if (op.body() != null) {
            contentType = op.body().contentType();
            JsonNode valid = values.value(op.body().schema(), "body", 0);
            if (planned != null && planned.body() != null) {
                String text = contentType.contains("json") ? JSON.writeValueAsString(valid) : ValueGenerator.text(valid);
                body = planned.body().body().apply(text);
                contentType = planned.body().contentType();
            } else if (planned != null && planned.target().field() != null) {
                JsonNode mutated = mutate(valid, planned.target().field(), planned.value().json());
                if (mutated == null) {
                    planned = null; // the generated body lacks the field (an alternative schema): send it valid
                    mutated = valid;
                }
                body = JSON.writeValueAsString(mutated).getBytes(StandardCharsets.UTF_8);
            } else {
                String text = contentType.contains("json") ? JSON.writeValueAsString(valid) : ValueGenerator.text(valid);
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }

        String method = op.method();
        if (planned != null && planned.request() != null) {
            Mutations.Request request = planned.request();
            if (request.header() == null) {
                method = request.value();
            } else if (request.header().equals("Content-Type")) {
                contentType = request.value();
            } else {
                headers.add(new String[] {request.header(), request.value()});
            }
        }
        String subject = switch (role) {
            case ADMIN -> "fuzz-admin";
            case SERVICE -> "fuzz-service";
            case LEARNER -> {
                String person = random.nextBoolean() ? pool.pick(random, "person") : null;
                yield person != null ? person : "fuzz-" + new UUID(random.nextLong(), random.nextLong());
            }
            case NONE -> null;
        };
        String mutation = planned == null ? VALID : planned.describe();
        String parent = pathValues.isEmpty() ? null : List.copyOf(pathValues.values()).getLast();
        Exchange exchange = exchange(op, method, url, contentType, body, headers, role, subject, mutation, parent);
        record(op, exchange);
        if (planned == null && exchange.status() == 400) {
            blame(op, exchange.responseBody());
        }
    }

    /**
     * A valid-looking request refused with a 400 names the fields it refused (problem details' {@code errors},
     * or a detail starting "name: "): the optional ones among them are left out of later requests of the
     * operation, so that one value the generator cannot get right (a sort key, a format, a date range) does
     * not stop every later request, and its one mutation, at validation.
     */
    private void blame(Operation op, String responseBody) {
        Set<String> names = new HashSet<>();
        try {
            JsonNode problem = JSON.readTree(responseBody);
            problem.path("errors").forEach(e -> names.add(e.path("field").asString("").split("[.\\[]")[0]));
            String detail = problem.path("detail").asString("");
            if (detail.indexOf(':') > 0) {
                names.add(detail.substring(0, detail.indexOf(':')));
            }
        } catch (JacksonException notJson) {
            return;
        }
        Set<String> optional = new HashSet<>();
        op.params().stream().filter(p -> !p.required()).forEach(p -> optional.add(p.name()));
        if (op.body() != null) {
            Set<String> required = document.required(op.body().schema());
            document.properties(op.body().schema()).keySet().stream().filter(n -> !required.contains(n)).forEach(optional::add);
        }
        names.retainAll(optional);
        if (!names.isEmpty()) {
            refused.computeIfAbsent(op.key(), k -> new HashSet<>()).addAll(names);
        }
    }

    /** The kind of the path parameter after segment {@code i}: "option" after the {id} of "/pass-types/{id}/options/{optionId}". */
    private static String nextPathKind(String[] segments, int i) {
        String before = null;
        for (int j = i + 1; j < segments.length; j++) {
            String segment = segments[j];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                return name.equals("id") && before != null ? before : IdPool.kindOfName(name);
            }
            before = IdPool.singular(segment);
        }
        return null;
    }

    /** The body with the value at {@code field} replaced by raw JSON (or removed); null if the field is absent. */
    private static JsonNode mutate(JsonNode valid, List<String> field, String rawJson) {
        JsonNode copy = valid.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < field.size() - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(field.get(i))) : parent.get(field.get(i));
            if (parent == null || !parent.isContainer()) {
                return null;
            }
        }
        String last = field.getLast();
        JsonNode replacement = rawJson.equals(Mutations.ABSENT) ? null
                : JsonNodeFactory.instance.rawValueNode(new RawValue(rawJson));
        if (parent instanceof ObjectNode object) {
            if (replacement == null) {
                object.remove(last);
            } else {
                object.set(last, replacement);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(last);
            if (index >= array.size()) {
                return null;
            }
            if (replacement == null) {
                array.remove(index);
            } else {
                array.set(index, replacement);
            }
        } else {
            return null;
        }
        return copy;
    }

    private Exchange exchange(Operation op, String method, String url, String contentType, byte[] body, List<String[]> headers,
                              TokenRole role, String subject, String mutation, String parent) {
        String requestBody = body == null ? null : FuzzReport.shorten(new String(body, StandardCharsets.UTF_8), KEPT_BODY);
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (role != TokenRole.NONE) {
                builder.header("Authorization", bearer(role, subject));
            }
            for (String[] header : headers) {
                builder.header(header[0], header[1]);
            }
            request = builder.build();
        } catch (IllegalArgumentException e) {
            // a URL or header the client refuses to send: it never reached the service, so it proves nothing
            return new Exchange(op.key(), method, url, role, subject, mutation, contentType, requestBody, 0,
                    "not sent: " + e.getMessage(), 0);
        }
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException refusedMidBody) {
                if (body == null) {
                    throw refusedMidBody;
                }
                // A server may refuse a request before reading its body (a request line over the container's
                // limit) and close the connection; the client, still sending, can lose the answer. A client that
                // asks first (Expect: 100-continue) is told the refusal instead: only a second failure counts.
                response = client.send(HttpRequest.newBuilder(request, (name, value) -> true).expectContinue(true).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String text = new String(response.body(), StandardCharsets.UTF_8);
            Exchange exchange = new Exchange(op.key(), method, url, role, subject, mutation, contentType, requestBody,
                    response.statusCode(), FuzzReport.shorten(text, KEPT_BODY), millis);
            if (exchange.status() >= 200 && exchange.status() < 300) {
                learn(op, response, text, parent);
            }
            return exchange;
        } catch (IOException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Exchange(op.key(), method, url, role, subject, mutation, contentType, requestBody, -1,
                    "no answer: " + e, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fuzzing " + op.key(), e);
        }
    }

    private void learn(Operation op, HttpResponse<byte[]> response, String text, String parent) {
        String kind = resourceKind(op.path());
        response.headers().firstValue("Location").ifPresent(location -> {
            String trimmed = location.replaceAll("[?#].*$", "").replaceAll("/+$", "");
            String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            pool.add(kind, id);
            pool.addChild(parent, kind, id);
        });
        if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !text.isEmpty()) {
            try {
                pool.learn(JSON.readTree(text), kind, parent);
            } catch (JacksonException ignored) {
                // a 2xx whose body is not JSON after all: nothing to learn from
            }
        }
    }

    /**
     * The kind of resource an operation's answer is about: the collection its path ends on ("/plans",
     * "/plans/{id}/milestones"), else the one before the last id ("/plans/{id}", "/passes/{id}/renew").
     */
    static String resourceKind(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        for (int i = segments.size() - 1; i >= 0; i--) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                continue;
            }
            String singular = IdPool.singular(segment);
            boolean plural = !singular.equals(segment.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT));
            if (plural || i == 0) {
                return singular;
            }
        }
        return "";
    }

    private void record(Operation op, Exchange exchange) {
        Stats s = stats.get(op.key());
        s.requests++;
        s.statuses.merge(exchange.status(), 1, Integer::sum);
        s.millis += exchange.millis();
        s.reached |= exchange.reachedOperation();
        // only valid requests tell: an invalid one may be refused by a filter before security (400, or 404 for a
        // path that no longer routes), which says nothing about the token
        if (exchange.reachedOperation() && exchange.mutation().equals(VALID)) {
            s.admitted.add(exchange.role());
        }
        if (exchange.status() >= 200 && exchange.status() < 300 && !op.documents(exchange.status())) {
            undocumented.computeIfAbsent(op.key(), k -> new TreeSet<>()).add(exchange.status());
        }
        if (exchange.isFailure()) {
            failures.add(exchange);
        }
        if (trace != null) {
            trace.println(exchange.status() + " " + exchange.method() + " " + FuzzReport.shorten(exchange.url(), 200) + " ["
                    + exchange.mutation() + "] " + exchange.role() + (exchange.requestBody() == null ? ""
                    : " body " + FuzzReport.shorten(exchange.requestBody(), 200)) + " -> "
                    + FuzzReport.shorten(exchange.responseBody(), 200));
        }
    }

    private String bearer(TokenRole role, String subject) {
        return bearers.computeIfAbsent(role + " " + subject, k -> "Bearer " + TestTokens.mint(subject, role.name()));
    }

    /** Percent-encodes everything but the unreserved characters (RFC 3986), as UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
