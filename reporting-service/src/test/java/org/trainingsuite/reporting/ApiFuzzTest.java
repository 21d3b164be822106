package org.trainingsuite.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trainingsuite.platform.test.OpenApiDocs;
import org.trainingsuite.platform.test.TokenMatrix;
import org.trainingsuite.platform.test.fuzz.ApiFuzzer;

/**
 * Every operation of reporting-service's OpenAPI document fuzzed over real HTTP (Tomcat decodes the
 * URLs): no input may give a 5xx, and every operation must be reachable. The context is the one of the
 * other API tests. Replay a failure with {@code -Dfuzz.seed=<seed in the report>}.
 */
class ApiFuzzTest extends ReportingApiTest {

    @LocalServerPort
    int port;

    @Test
    void noInputGivesAServerErrorAndEveryOperationIsReached() {
        ApiFuzzer.against("http://localhost:" + port).run().assertClean();
    }

    @Test
    void badTokensAre401ProblemsOnTheServicesOwnPort() {
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/reports/passes");
    }

    @Test
    void theApiDocumentIsWellDocumentedAndCommitted() {
        OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("reporting-service");
    }
}
