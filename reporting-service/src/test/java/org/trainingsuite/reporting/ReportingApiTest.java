package org.trainingsuite.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.MutableClock;
import org.trainingsuite.platform.test.TestClock;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API test of the service shares: one Spring context on a real PostgreSQL and Kafka broker,
 * today fixed at 15 June 2026 for the reports, and helpers to play the upstream services and read reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestClock.class)
abstract class ReportingApiTest {

    static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant TODAY = Instant.parse("2026-06-15T09:00:00Z");


    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiCalls api;

    @BeforeEach
    void setUpApi() {
        api = new ApiCalls(mvc, json);
        clock.set(TODAY);
    }

    /** Plays an upstream service; returns the event id. */
    static String publish(String topic, String type, Object key, String body) {
        return TestEvents.publish(topic, type, key.toString(), body);
    }

    static String again(String topic, String eventId, String type, Object key, String body) {
        return TestEvents.publish(topic, eventId, type, key.toString(), body);
    }

    /** A page of a report (the path with its query). */
    JsonNode report(String pathAndQuery) throws Exception {
        return api.body(api.as(ADMIN, get(pathAndQuery)));
    }

    /** Waits until the report answers what {@code until} accepts; returns it. */
    JsonNode awaitReport(String pathAndQuery, java.util.function.Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(WAIT).until(() -> {
            last[0] = report(pathAndQuery);
            return until.test(last[0]);
        });
        return last[0];
    }

    /** A whole export (format=csv or json). */
    String export(String pathAndQuery) throws Exception {
        MvcResult result = api.as(ADMIN, get(pathAndQuery)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
