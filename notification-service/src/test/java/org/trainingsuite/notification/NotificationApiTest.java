package org.trainingsuite.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.notification.message.Sender;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.MutableClock;
import org.trainingsuite.platform.test.TestClock;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every API test of the service shares: one Spring context on a real PostgreSQL, Kafka broker and SMTP
 * server (GreenMail), a clock the test moves (starting today), the scheduler left to the tests (they call
 * {@link Sender#sendDue()}), and helpers to play directory-service, training-pass-service and
 * learning-plan-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"notification.send.initial-delay=PT10H", "notification.send.batch-size=5"})
@AutoConfigureMockMvc
@Import(TestClock.class)
abstract class NotificationApiTest {

    static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    static final Duration WAIT = Duration.ofSeconds(30);


    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Sender sender;

    ApiCalls api;
    LocalDate today;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
    }

    @BeforeEach
    void setUpApi() {
        api = new ApiCalls(mvc, json);
        clock.set(Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(9)));
        today = clock.today();
    }

    /** Plays directory-service: a person with an email address, known here once the call returns. */
    String person(String prefix, UUID account) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.publish("directory.people", "directory.person.created.v1", id, """
                {"personId": "%s", "name": "Pat %s", "email": "%s@example.org", "accountId": %s, "version": 0}"""
                .formatted(id, prefix, id, account == null ? "null" : "\"" + account + "\""));
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from person where id = ?", id) == 1);
        return id;
    }

    String template(String subject, String body) throws Exception {
        return api.body(api.as(ADMIN, post("/templates"), json.writeValueAsString(java.util.Map.of(
                "name", "Template " + UUID.randomUUID(), "subject", subject, "body", body)))
                .andExpect(status().isCreated())).get("id").asString();
    }

    /** A trigger from the given JSON fields (name, abbreviation, template and from address are filled in). */
    String trigger(String template, String fields) throws Exception {
        String abbreviation = "T" + UUID.randomUUID().toString().substring(0, 8);
        return api.body(api.as(ADMIN, post("/triggers"), """
                {"name": "Trigger %s", "abbreviation": "%s", "templateId": "%s", "fromAddress": "training@example.org", %s}"""
                .formatted(abbreviation, abbreviation, template, fields)).andExpect(status().isCreated())).get("id").asString();
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    List<String> states(String trigger) {
        return jdbc.queryForList("select state || ' ' || due_on from message where trigger_id = ?::uuid order by due_on, seq",
                String.class, trigger);
    }
}
