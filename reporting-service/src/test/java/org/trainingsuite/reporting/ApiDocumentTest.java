package org.trainingsuite.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document lists each report's query parameters exactly as the endpoints take them. */
class ApiDocumentTest extends ReportingApiTest {

    @Test
    void reportParametersAreTheQueryParametersNotTheJavaObjectsHoldingThem() throws Exception {
        JsonNode doc = api.body(mvc.perform(get("/v3/api-docs")));
        List<String> planStatus = parameters(doc, "/reports/learning-plan-status");
        assertThat(planStatus).doesNotContain("plans", "output")
                .contains("planId", "personId", "groupId", "dueFrom", "dueTo", "status", "page", "size", "sort", "format");
        assertThat(parameters(doc, "/reports/passes")).doesNotContain("output").contains("passTypeId", "page", "format");
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(names(operation.getValue())).as(path.getKey()).doesNotContain("plans", "output")));
    }

    private static List<String> parameters(JsonNode doc, String path) {
        return names(doc.path("paths").path(path).path("get"));
    }

    private static List<String> names(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(p -> names.add(p.path("name").asString()));
        return names;
    }
}
