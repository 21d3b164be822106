package org.trainingsuite.directory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.trainingsuite.platform.test.OpenApiDocs;
import org.trainingsuite.platform.test.fuzz.ApiFuzzer;

/**
 * Every operation of the directory's OpenAPI document fuzzed over real HTTP (Tomcat decodes the URLs):
 * no input may give a 5xx, and every operation must be reachable. Same context as {@link DirectoryApiTest}.
 * Replay a failure with {@code -Dfuzz.seed=<seed in the report>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Test
    void noInputGivesAServerErrorAndEveryOperationIsReached() {
        ApiFuzzer.against("http://localhost:" + port).run().assertClean();
    }

    @Test
    void theApiDocumentIsWellDocumentedAndCommitted() {
        OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("directory-service");
    }
}
