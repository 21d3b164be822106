package org.trainingsuite.trainingpass;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trainingsuite.platform.test.OpenApiDocs;
import org.trainingsuite.platform.test.TokenMatrix;
import org.trainingsuite.platform.test.fuzz.ApiFuzzer;

/**
 * Every operation of training-pass-service's OpenAPI document fuzzed over real HTTP (Tomcat decodes the
 * URLs): no input may give a 5xx, and every operation must be reachable. Replay a failure with
 * {@code -Dfuzz.seed=<seed in the report>}.
 */
class ApiFuzzTest extends TrainingPassTestContext {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void catalogAnswers() {
        // a 503 because the stub was left down would be the stub's doing, not the input's
        StubCatalog.DOWN.set(false);
    }

    @Test
    void noInputGivesAServerErrorAndEveryOperationIsReached() {
        // accounts and people come from directory-service's events: without some, no pass or order is ever made
        DirectoryEvents directory = new DirectoryEvents(jdbc);
        UUID account = directory.account("Fuzz account");
        String person = directory.person("Fuzz Person", account);
        ApiFuzzer.against("http://localhost:" + port).knownId("account", account.toString())
                .knownId("person", person).knownId("contact", person).run().assertClean();
    }

    @Test
    void badTokensAre401ProblemsOnTheServicesOwnPort() {
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/pass-types");
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/me/passes");
    }

    @Test
    void theApiDocumentIsWellDocumentedAndCommitted() {
        OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("training-pass-service");
    }
}
