package org.trainingsuite.platform.test.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fuzzer against a small HTTP service with two planted bugs (a NUL in a body field, a malformed
 * percent-encoding in a query), an operation nobody may call, and ids only known from earlier answers.
 */
class ApiFuzzerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "widgets", "version": "1"},
             "paths": {
              "/widgets": {
               "get": {"parameters": [
                 {"name": "q", "in": "query", "required": false, "schema": {"type": "string"}},
                 {"name": "page", "in": "query", "required": false, "schema": {"type": "integer", "format": "int32"}}],
                "responses": {"200": {"description": "OK"}}},
               "post": {"requestBody": {"required": true, "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Widget"}}}},
                "responses": {"200": {"description": "OK"}}}},
              "/widgets/{id}": {
               "get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
                "responses": {"200": {"description": "OK"}}}},
              "/locked": {"get": {"responses": {"200": {"description": "OK"}}}}},
             "components": {"schemas": {"Widget": {"type": "object", "required": ["name"], "properties": {
               "name": {"type": "string", "maxLength": 50},
               "count": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 10},
               "code": {"type": "string", "pattern": "[A-Z]{3}-\\\\d{2}"},
               "tags": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    /** The service under test: answers as a careful service would, except for the two planted bugs. */
    static final class WidgetService implements AutoCloseable {

        final HttpServer server;
        final Map<String, String> widgets = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong();
        volatile String document = DOCUMENT;

        WidgetService() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                String query = exchange.getRequestURI().getRawQuery();
                String method = exchange.getRequestMethod();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (path.equals("/v3/api-docs")) {
                    answer(exchange, 200, document);
                } else if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                    answer(exchange, 401, "{}");
                } else if (path.equals("/locked")) {
                    answer(exchange, 403, "{}");
                } else if (path.equals("/widgets") && (method.equals("GET") || method.equals("HEAD"))) {
                    if (query != null && query.contains("%FF")) {
                        answer(exchange, 500, "{\"detail\": \"planted: malformed percent-encoding\"}");
                    } else {
                        answer(exchange, 200, "{\"items\": []}");
                    }
                } else if (path.equals("/widgets") && method.equals("POST")) {
                    create(exchange, body);
                } else if (path.startsWith("/widgets/") && (method.equals("GET") || method.equals("HEAD"))) {
                    String widget = widgets.get(path.substring("/widgets/".length()));
                    answer(exchange, widget == null ? 404 : 200, widget == null ? "{}" : widget);
                } else {
                    answer(exchange, 405, "{}");
                }
            }
        }

        private void create(HttpExchange exchange, byte[] body) throws IOException {
            if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                answer(exchange, 415, "{}");
                return;
            }
            JsonNode widget;
            try {
                widget = JSON.readTree(body);
            } catch (JacksonException e) {
                answer(exchange, 400, "{}");
                return;
            }
            JsonNode name = widget == null ? null : widget.get("name");
            if (name == null || !name.isString()) {
                answer(exchange, 400, "{\"errors\": [{\"field\": \"name\", \"message\": \"required\"}]}");
            } else if (name.asString().indexOf('\u0000') >= 0) {
                answer(exchange, 500, "{\"detail\": \"planted: NUL reached the database\"}");
            } else {
                String id = new UUID(0, ids.incrementAndGet()).toString();
                String json = "{\"id\": \"" + id + "\", \"name\": " + JSON.writeValueAsString(name.asString()) + "}";
                widgets.put(id, json);
                answer(exchange, 201, json);
            }
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void findsThePlantedServerErrorsAndTheUnreachableOperation() throws Exception {
        try (WidgetService service = new WidgetService()) {
            FuzzReport report = ApiFuzzer.against(service.url()).seed(42).requestsPerOperation(400)
                    .printTo(new PrintStream(new ByteArrayOutputStream())).run();

            assertThat(report.operations()).extracting(FuzzReport.OperationSummary::operation)
                    .containsExactly("GET /locked", "GET /widgets", "POST /widgets", "GET /widgets/{id}");
            assertThat(report.failures()).allMatch(f -> f.status() == 500)
                    .anyMatch(f -> f.operation().equals("POST /widgets") && f.mutation().equals("body.name: NUL character")
                            && f.requestBody().contains("\\u0000"))
                    .anyMatch(f -> f.operation().equals("GET /widgets") && f.mutation().equals("query q: malformed %FF%FE")
                            && f.url().contains("q=%FF%FE"));
            assertThat(report.unreachedOperations()).containsExactly("GET /locked");
            assertThat(report.operations()).filteredOn(o -> o.operation().equals("GET /widgets/{id}")).singleElement()
                    .satisfies(o -> assertThat(o.statuses()).as("ids from earlier answers reach widgets").containsKey(200));
            assertThatThrownBy(report::assertClean).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("-Dfuzz.seed=42")
                    .hasMessageContaining("POST /widgets | body.name: NUL character | 500")
                    .hasMessageContaining("planted: NUL reached the database")
                    .hasMessageContaining("GET /locked");
        }
    }

    @Test
    void theSameSeedSendsTheSameRequests() throws Exception {
        assertThat(trace(7)).isEqualTo(trace(7)).isNotEqualTo(trace(8));
    }

    @Test
    void aDocumentWithoutOperationsFails() throws Exception {
        try (WidgetService service = new WidgetService()) {
            service.document = "{\"openapi\": \"3.1.0\", \"paths\": {}}";
            FuzzReport report = ApiFuzzer.against(service.url()).printTo(new PrintStream(new ByteArrayOutputStream())).run();
            assertThatThrownBy(report::assertClean).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("operations in the API document");
        }
    }

    @Test
    void patternsGiveMatchingValues() {
        java.util.Random random = new java.util.Random(1);
        for (String pattern : new String[] {"[A-Za-z0-9._@:-]{1,64}", "[A-Z]{3}-\\d{2}", "(EUR|USD)", "a+b?c*", "[^,]{2}",
                "(?:ab|cd)\\.x{2,}"}) {
            for (int i = 0; i < 20; i++) {
                assertThat(RegexSampler.sample(pattern, random)).as(pattern).isNotNull().matches(pattern);
            }
        }
        assertThat(RegexSampler.sample("^[a-z]+$", random)).matches("[a-z]+");
        assertThat(RegexSampler.sample("(?=x)y", random)).as("look-arounds are not sampled").isNull();
    }

    /** Every exchange of a run with this seed, the port left out. */
    private static String trace(long seed) throws IOException {
        try (WidgetService service = new WidgetService()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ApiFuzzer.against(service.url()).seed(seed).trace(true).printTo(new PrintStream(out, true, StandardCharsets.UTF_8)).run();
            return out.toString(StandardCharsets.UTF_8).replace(service.url(), "URL").replaceAll(" *\\d+ ms *", " ");
        }
    }
}
