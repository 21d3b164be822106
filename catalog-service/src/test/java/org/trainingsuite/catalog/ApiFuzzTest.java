package org.trainingsuite.catalog;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trainingsuite.platform.test.OpenApiDocs;
import org.trainingsuite.platform.test.TokenMatrix;
import org.trainingsuite.platform.test.fuzz.ApiFuzzer;

/**
 * Every operation of the catalog's OpenAPI document fuzzed over real HTTP (Tomcat decodes the URLs): no
 * input may give a 5xx, and every operation must be reachable. Replay a failure with
 * {@code -Dfuzz.seed=<seed in the report>}.
 */
class ApiFuzzTest extends CatalogTestContext {

    @LocalServerPort
    int port;

    @BeforeEach
    void trainingPassAnswers() {
        // a 503 because the stub was left dropping connections would be the stub's doing, not the input's
        StubTrainingPass.MODE.set(StubTrainingPass.Mode.GRANT);
    }

    @Test
    void noInputGivesAServerErrorAndEveryOperationIsReached() {
        ApiFuzzer.against("http://localhost:" + port).run().assertClean();
    }

    @Test
    void badTokensAre401ProblemsOnTheServicesOwnPort() {
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/programs");
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/me/catalog");
    }

    @Test
    void theApiDocumentIsWellDocumentedAndCommitted() {
        OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("catalog-service");
    }
}
