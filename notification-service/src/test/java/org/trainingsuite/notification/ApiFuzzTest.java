package org.trainingsuite.notification;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.trainingsuite.platform.test.OpenApiDocs;
import org.trainingsuite.platform.test.TokenMatrix;
import org.trainingsuite.platform.test.fuzz.ApiFuzzer;

/**
 * Every operation of notification-service's OpenAPI document fuzzed over real HTTP (Tomcat decodes the
 * URLs): no input may give a 5xx, and every operation must be reachable. The context is the one of the
 * other API tests. Replay a failure with {@code -Dfuzz.seed=<seed in the report>}.
 */
class ApiFuzzTest extends NotificationApiTest {

    @LocalServerPort
    int port;

    @Test
    void noInputGivesAServerErrorAndEveryOperationIsReached() {
        // people come from directory-service's events: with one, /me/notifications has someone to answer for
        String person = person("fuzz", null);
        Set<String> before = new HashSet<>(jdbc.queryForList("select id::text from trigger_rule", String.class));
        try {
            ApiFuzzer.against("http://localhost:" + port).knownId("person", person).run().assertClean();
        } finally {
            // the fuzzer's triggers match any pass type or plan: left on, they would mail the people of later tests
            for (String id : jdbc.queryForList("select id::text from trigger_rule", String.class)) {
                if (!before.contains(id)) {
                    jdbc.update("update trigger_rule set enabled = false where id = ?::uuid", id);
                }
            }
        }
    }

    @Test
    void badTokensAre401ProblemsOnTheServicesOwnPort() {
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/templates");
        TokenMatrix.assertAllRefused("http://localhost:" + port, "/me/notifications");
    }

    @Test
    void theApiDocumentIsWellDocumentedAndCommitted() {
        OpenApiDocs.fetch("http://localhost:" + port).assertWellDocumented().assertCommittedAs("notification-service");
    }
}
