package org.trainingsuite.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiDocsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A small document that keeps every rule. */
    private static ObjectNode document() {
        return (ObjectNode) JSON.readTree("""
                {"openapi": "3.1.0",
                 "info": {"title": "Badges API", "version": "1.0", "description": "Badges.",
                          "contact": {"name": "Maintainers"}},
                 "servers": [{"url": "http://localhost:54321"}],
                 "security": [{"bearer-jwt": []}],
                 "tags": [{"name": "Badges", "description": "What people earn."}],
                 "paths": {"/badges": {"post": {
                     "tags": ["Badges"], "summary": "Award a badge", "operationId": "awardBadge",
                     "description": "Awards one.\\n\\n**Role:** ADMIN.",
                     "responses": {
                         "201": {"description": "Created", "content": {"application/json": {}}},
                         "401": {"description": "No token", "content": {"application/problem+json": {}}},
                         "409": {"description": "Awarded already", "content": {"application/problem+json": {}}}}}}},
                 "components": {"securitySchemes": {"bearer-jwt": {"type": "http", "scheme": "bearer"}}}}
                """);
    }

    private static ObjectNode operation(ObjectNode document) {
        return (ObjectNode) document.path("paths").path("/badges").path("post");
    }

    @Test
    void aDocumentKeepingEveryRulePasses() {
        OpenApiDocs.of("test", document()).assertWellDocumented();
    }

    @Test
    void springdocDefaultsAndAMissingSchemeAreNamed() {
        ObjectNode doc = document();
        ((ObjectNode) doc.path("info")).put("title", "OpenAPI definition").put("version", "v0");
        doc.remove("security");
        doc.remove("components");
        assertThatThrownBy(() -> OpenApiDocs.of("test", doc).assertWellDocumented())
                .hasMessageContaining("info.title is springdoc's default")
                .hasMessageContaining("info.version is springdoc's default")
                .hasMessageContaining("no bearer security scheme")
                .hasMessageContaining("POST /badges: no bearer security requirement");
    }

    @Test
    void anOperationWithoutSummaryRoleOrDescribedTagIsNamed() {
        ObjectNode doc = document();
        operation(doc).remove("summary");
        operation(doc).put("description", "Awards one.").putArray("tags").add("badge-controller");
        operation(doc).put("operationId", "award_1");
        assertThatThrownBy(() -> OpenApiDocs.of("test", doc).assertWellDocumented())
                .hasMessageContaining("POST /badges: no summary")
                .hasMessageContaining("POST /badges: the description does not name the role")
                .hasMessageContaining("tag 'badge-controller' is not declared with a description")
                .hasMessageContaining("operationId 'award_1' is missing or not unique");
    }

    @Test
    void anErrorAnswerDocumentedWithTheSuccessSchemaIsNamed() {
        ObjectNode doc = document();
        ObjectNode conflict = (ObjectNode) operation(doc).path("responses").path("409");
        conflict.putObject("content").putObject("application/json");
        assertThatThrownBy(() -> OpenApiDocs.of("test", doc).assertWellDocumented())
                .hasMessageContaining("POST /badges: the 409 answer is not documented as a problem");
    }

    @Test
    void theCommittedCopyHasSortedKeysAndNoServers() {
        String canonical = OpenApiDocs.of("test", document()).canonical();
        assertThat(canonical).doesNotContain("servers").doesNotContain("54321").endsWith("}\n");
        assertThat(canonical.indexOf("\"components\"")).isLessThan(canonical.indexOf("\"info\""));
    }
}
