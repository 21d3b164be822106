package org.trainingsuite.learningplan;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API test of the service shares: one Spring context on a real PostgreSQL and Kafka broker,
 * an admin token and the helpers to call the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LearningPlanApiTest {

    static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    ApiCalls api;

    @BeforeEach
    void setUpApi() {
        api = new ApiCalls(mvc, json);
    }
}
