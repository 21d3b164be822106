package org.trainingsuite.learningplan;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API test of the service shares: one Spring context on a real PostgreSQL and Kafka broker,
 * catalog-service's enrollment API played by {@link StubCatalog} on a real port, an admin token, and the
 * helpers to call the API and to play catalog-service's program events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class LearningPlanApiTest {

    static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    /** The credential this service presents to catalog-service. */
    static final String SERVICE_TOKEN = TestTokens.mint("learning-plan-service", Duration.ofDays(1), "SERVICE");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    ApiCalls api;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("learning-plan.catalog.url", StubCatalog::url);
        registry.add("learning-plan.service-token", () -> SERVICE_TOKEN);
    }

    @BeforeEach
    void setUpApi() {
        api = new ApiCalls(mvc, json);
    }

    /** A published catalog program, as catalog-service announces it. */
    record TestProgram(String id, List<String> sessions) {
    }

    /**
     * Plays catalog-service: a published program (an ACTIVITY has no sessions) with this many sessions, each
     * worth {@code credits}; returns once this service knows it.
     */
    TestProgram program(String type, int credits, int sessions) {
        String id = UUID.randomUUID().toString();
        List<String> sessionIds = new ArrayList<>();
        List<String> sessionJson = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String session = UUID.randomUUID().toString();
            sessionIds.add(session);
            sessionJson.add("""
                    {"sessionId": "%s", "startsAt": "2026-04-0%dT09:00:00Z", "endsAt": "2026-04-0%dT10:00:00Z", "timeZone": "UTC",
                     "capacity": null, "credits": %d, "location": null, "lmsLink": "https://lms"}""".formatted(session, i + 1, i + 1, credits));
        }
        TestEvents.publish("catalog.programs", "catalog.program.published.v1", id, """
                {"programId": "%s", "type": "%s", "delivery": "ONLINE", "title": "Module %s", "category": null,
                 "credits": %d, "accessDays": null, "status": "PUBLISHED", "sessions": [%s]}"""
                .formatted(id, type, id.substring(0, 4), credits, String.join(",", sessionJson)));
        Awaitility.await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from known_program where id = ?::uuid", Integer.class, id) == 1);
        return new TestProgram(id, sessionIds);
    }

    /** A milestone named after its metric, linked to these programs; returns its id. */
    String milestone(String plan, String metric, int units, List<String> programs) throws Exception {
        String id = api.body(api.as(ADMIN, post("/plans/" + plan + "/milestones"), """
                {"name": "%s milestone", "metric": "%s", "unitsRequired": %d}""".formatted(metric, metric, units))
                .andExpect(status().isCreated())).get("milestoneId").asString();
        api.as(ADMIN, post("/plans/" + plan + "/milestones/" + id + "/programs"),
                "{\"programIds\": [" + String.join(",", programs.stream().map(p -> "\"" + p + "\"").toList()) + "]}")
                .andExpect(status().isOk());
        return id;
    }
}
