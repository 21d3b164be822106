package org.trainingsuite.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules a service's OpenAPI document must keep, and the copy of it committed under {@code docs/openapi/},
 * from which the typed clients are generated.
 *
 * <p>In a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test:
 * <pre>{@code
 * OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("directory-service");
 * }</pre>
 *
 * <p>{@link #assertWellDocumented()} fails, listing every miss at once, when the document keeps springdoc's
 * defaults (title "OpenAPI definition", version "v0"), lacks a description or contact, declares no bearer
 * security scheme or does not require it, or when an operation lacks a summary, a description naming its role,
 * a tag that is declared with a description, a unique {@code operationId} (springdoc's {@code _1} suffixes mean
 * two summaries read the same), a success answer or the 401 answer, or documents an error answer that is not a
 * problem ({@code application/problem+json}).
 *
 * <p>{@link #assertCommittedAs(String)} compares the document (without {@code servers}, which name the test's
 * port; keys sorted) with {@code docs/openapi/<name>.json}. Run the build with {@code -Dopenapi.update=true}
 * to write the current documents there; the diff is the API change a reviewer reads.
 */
public final class OpenApiDocs {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String url;
    private final JsonNode document;

    private OpenApiDocs(String url, JsonNode document) {
        this.url = url;
        this.document = document;
    }

    /** Reads {@code <baseUrl>/v3/api-docs}. */
    public static OpenApiDocs fetch(String baseUrl) {
        String url = baseUrl.replaceAll("/+$", "") + "/v3/api-docs";
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
            return new OpenApiDocs(url, JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A document already read, e.g. from a file. */
    static OpenApiDocs of(String origin, JsonNode document) {
        return new OpenApiDocs(origin, document);
    }

    /** The document as read. */
    public JsonNode document() {
        return document;
    }

    /** Fails, listing every miss, when the document breaks one of the rules in the class comment. */
    public OpenApiDocs assertWellDocumented() {
        List<String> misses = new ArrayList<>();
        JsonNode info = document.path("info");
        String title = info.path("title").asString("");
        if (title.isBlank() || title.equals("OpenAPI definition")) {
            misses.add("info.title is springdoc's default (set platform.openapi.title)");
        }
        if (info.path("version").asString("").isBlank() || info.path("version").asString("").equals("v0")) {
            misses.add("info.version is springdoc's default (set platform.openapi.version)");
        }
        if (info.path("description").asString("").isBlank()) {
            misses.add("info.description is empty (set platform.openapi.description)");
        }
        if (info.path("contact").path("name").asString("").isBlank()) {
            misses.add("info.contact has no name");
        }
        Set<String> bearerSchemes = new HashSet<>();
        document.path("components").path("securitySchemes").properties().forEach(e -> {
            if (e.getValue().path("type").asString("").equals("http")
                    && e.getValue().path("scheme").asString("").equalsIgnoreCase("bearer")) {
                bearerSchemes.add(e.getKey());
            }
        });
        if (bearerSchemes.isEmpty()) {
            misses.add("no bearer security scheme in components.securitySchemes");
        }
        boolean globalSecurity = requiresBearer(document.path("security"), bearerSchemes);
        Set<String> describedTags = new HashSet<>();
        for (JsonNode tag : document.path("tags")) {
            if (!tag.path("description").asString("").isBlank()) {
                describedTags.add(tag.path("name").asString(""));
            }
        }
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!Set.of("get", "put", "post", "delete", "patch").contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String op = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = entry.getValue();
                if (o.path("summary").asString("").isBlank()) {
                    misses.add(op + ": no summary");
                }
                if (!o.path("description").asString("").contains("**Role:**")) {
                    misses.add(op + ": the description does not name the role");
                }
                if (o.path("description").asString("").startsWith("**Role:**")) {
                    misses.add(op + ": no description beyond the role");
                }
                if (o.path("tags").isEmpty()) {
                    misses.add(op + ": no tag");
                }
                for (JsonNode tag : o.path("tags")) {
                    if (!describedTags.contains(tag.asString())) {
                        misses.add(op + ": tag '" + tag.asString() + "' is not declared with a description");
                    }
                }
                String id = o.path("operationId").asString("");
                if (id.isBlank() || id.matches(".*_\\d+$") || !operationIds.add(id)) {
                    misses.add(op + ": operationId '" + id + "' is missing or not unique (give it its own summary)");
                }
                if (!globalSecurity && !requiresBearer(o.path("security"), bearerSchemes)) {
                    misses.add(op + ": no bearer security requirement");
                }
                Set<String> statuses = new TreeSet<>(o.path("responses").propertyNames());
                if (statuses.stream().noneMatch(s -> s.startsWith("2"))) {
                    misses.add(op + ": no success answer documented");
                }
                if (!statuses.contains("401")) {
                    misses.add(op + ": the 401 answer is not documented");
                }
                for (String status : statuses) {
                    JsonNode content = o.path("responses").path(status).path("content");
                    if ((status.startsWith("4") || status.startsWith("5")) && !content.has("application/problem+json")) {
                        misses.add(op + ": the " + status + " answer is not documented as a problem "
                                + "(application/problem+json) but as " + content.propertyNames());
                    }
                }
            }
        }
        if (operations == 0) {
            misses.add("no operations");
        }
        if (!misses.isEmpty()) {
            fail("The OpenAPI document at %s misses %d rules:%n  %s", url, misses.size(), String.join("\n  ", misses));
        }
        return this;
    }

    private static boolean requiresBearer(JsonNode security, Set<String> bearerSchemes) {
        for (JsonNode requirement : security) {
            for (String scheme : requirement.propertyNames()) {
                if (bearerSchemes.contains(scheme)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Compares the document with {@code docs/openapi/<name>.json} of the repository, or writes it there when the
     * build runs with {@code -Dopenapi.update=true}. The current document is also written to
     * {@code target/openapi/<name>.json}, to diff by hand.
     */
    public OpenApiDocs assertCommittedAs(String name) {
        String current = canonical();
        Path committed = repositoryRoot().resolve("docs/openapi/" + name + ".json");
        try {
            Path written = Path.of("target/openapi/" + name + ".json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, current, StandardCharsets.UTF_8);
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, current, StandardCharsets.UTF_8);
                return this;
            }
            String before = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
            if (!before.equals(current)) {
                fail("%s is not the document the service publishes now (see %s). If the API change is meant, "
                        + "run ./mvnw verify -Dopenapi.update=true and commit the file; the typed clients are "
                        + "generated from it.", committed, written.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The document without {@code servers}, keys sorted, indented, with a final newline. */
    String canonical() {
        ObjectNode copy = (ObjectNode) sorted(document);
        copy.remove("servers");
        return JSON.writeValueAsString(copy) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            new TreeSet<>(node.propertyNames()).forEach(k -> out.set(k, sorted(node.get(k))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }

    /** The folder holding {@code docs/asyncapi.json}: the repository, from the module the test runs in. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docs/asyncapi.json")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with docs/asyncapi.json) above "
                + Path.of("").toAbsolutePath());
    }
}
