package org.trainingsuite.learningplan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trainingsuite.platform.test.OpenApiDocs;
import org.trainingsuite.platform.test.TokenMatrix;
import org.trainingsuite.platform.test.fuzz.ApiFuzzer;

/**
 * Every operation of learning-plan-service's OpenAPI document fuzzed over real HTTP (Tomcat decodes the
 * URLs): no input may give a 5xx, and every operation must be reachable. The context is the one of the
 * other API tests. Replay a failure with {@code -Dfuzz.seed=<seed in the report>}.
 */
class ApiFuzzTest extends LearningPlanApiTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void catalogAnswers() {
        // a 503 because the stub was left down would be the stub's doing, not the input's
        StubCatalog.DOWN.set(false);
    }

    @Test
    void noInputGivesAServerErrorAndEveryOperationIsReached() {
        // programs come from catalog-service's events: without some, no milestone ever links one
        TestProgram activity = program("ACTIVITY", 1, 0);
        TestProgram course = program("COURSE", 2, 2);
        ApiFuzzer.against("http://localhost:" + port).knownId("program", activity.id()).knownId("program", course.id())
                .knownId("session", course.sessions().getFirst()).run().assertClean();
    }

    @Test
    void badTokensAre401ProblemsOnTheServicesOwnPort() {
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/plans");
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/me/learning-plans");
    }

    @Test
    void theApiDocumentIsWellDocumentedAndCommitted() {
        OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("learning-plan-service");
    }
}
