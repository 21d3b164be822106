package org.trainingsuite.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The directory's HTTP contract and its events, end to end on a real PostgreSQL and Kafka broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DirectoryApiTest {

    private static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

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

    // --- people ---------------------------------------------------------------------------------------

    @Test
    void creatingAPersonAnswers201AndPublishesPersonCreatedWithItsSchema() throws Exception {
        String email = unique("ada") + "@example.org";
        try (TopicReader people = TopicReader.of("directory.people")) {
            JsonNode person = api.body(api.as(ADMIN, post("/people"), """
                    {"name": "Ada Lovelace", "email": "%s"}""".formatted(email))
                    .andExpect(status().isCreated())
                    .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/people/")))
                    .andExpect(jsonPath("$.email").value(email))
                    .andExpect(jsonPath("$.version").value(0)));
            String id = person.get("id").asString();

            ConsumerRecord<String, String> record = people.awaitRecord(r -> id.equals(r.key()), EVENT_WAIT);
            EventContracts.assertValid(record);
            assertThat(EventContracts.header(record, "ce_type")).isEqualTo("directory.person.created.v1");
            assertThat(EventContracts.header(record, "ce_source")).isEqualTo("/directory-service");
            JsonNode payload = json.readTree(record.value());
            assertThat(payload.get("personId").asString()).isEqualTo(id);
            assertThat(payload.get("email").asString()).isEqualTo(email);
        }
    }

    @Test
    void aPersonCanBeCreatedWithTheIdOfTheirIdentityAndReadsThemselvesAtMe() throws Exception {
        String id = unique("sub");
        api.as(ADMIN, post("/people"), """
                {"id": "%s", "name": "Grace Hopper", "email": "%s@example.org"}""".formatted(id, id))
                .andExpect(status().isCreated());

        api.as(TestTokens.bearerLearner(id), get("/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Grace Hopper"));
        api.as(TestTokens.bearerLearner(unique("nobody")), get("/me"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void withoutATokenTheAnswerIs401Problem() throws Exception {
        mvc.perform(get("/people"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/people").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/people").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.mint("admin-1", Duration.ofMinutes(-5), "ADMIN")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aLearnerCannotWriteNorReadOtherPeople() throws Exception {
        String learner = TestTokens.bearerLearner(unique("learner"));
        api.as(learner, post("/people"), """
                {"name": "Mallory", "email": "%s@example.org"}""".formatted(unique("mallory")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        String other = createPerson("Victim", unique("victim") + "@example.org");
        api.as(learner, get("/people/" + other)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.email").doesNotExist());
        api.as(learner, get("/people")).andExpect(status().isForbidden());
        api.as(learner, get("/groups")).andExpect(status().isForbidden());
        api.as(learner, post("/accounts"), "{\"name\": \"Evil Corp\"}").andExpect(status().isForbidden());
    }

    @Test
    void invalidInputIsA400ThatNamesEachFieldAndWritesNothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from person", Integer.class);
        api.as(ADMIN, post("/people"), """
                {"name": " ", "email": "not-an-email", "id": "spaces are not allowed"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[1].field").value("id"))
                .andExpect(jsonPath("$.errors[2].field").value("name"));
        api.as(ADMIN, post("/people"), "{\"name\": ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Unreadable request body"));
        api.as(ADMIN, post("/people"), """
                {"name": "Nobody", "email": "%s@example.org", "accountId": "%s"}""".formatted(unique("n"), UUID.randomUUID()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountId"));
        api.as(ADMIN, get("/people").param("size", "1000"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        api.as(ADMIN, get("/people").param("sort", "password"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        api.as(ADMIN, get("/groups/not-a-uuid"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(before);
    }

    @Test
    void unknownResourcesAre404Problems() throws Exception {
        api.as(ADMIN, get("/people/" + unique("ghost")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("not found")));
        api.as(ADMIN, get("/groups/" + UUID.randomUUID())).andExpect(status().isNotFound());
        api.as(ADMIN, get("/accounts/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void aDuplicateEmailIgnoringCaseIsAConflict() throws Exception {
        String email = unique("dup") + "@example.org";
        createPerson("First", email);
        api.as(ADMIN, post("/people"), """
                {"name": "Second", "email": "%s"}""".formatted(email.toUpperCase()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("exists already")));
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictAndAFreshOnePublishesPersonUpdated() throws Exception {
        String account = api.body(api.as(ADMIN, post("/accounts"), "{\"name\": \"Acme Training\"}")
                .andExpect(status().isCreated())).get("id").asString();
        String id = createPerson("Alan", unique("alan") + "@example.org");
        String email = unique("turing") + "@example.org";
        try (TopicReader people = TopicReader.of("directory.people")) {
            api.as(ADMIN, put("/people/" + id), """
                    {"name": "Alan Turing", "email": "%s", "accountId": "%s", "version": 0}""".formatted(email, account))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.accountId").value(account));
            api.as(ADMIN, put("/people/" + id), """
                    {"name": "Alan M. Turing", "email": "%s", "version": 0}""".formatted(email))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.title").value("Conflicting change"));

            ConsumerRecord<String, String> updated = people.awaitRecord(r -> id.equals(r.key())
                    && "directory.person.updated.v1".equals(EventContracts.header(r, "ce_type")), EVENT_WAIT);
            EventContracts.assertValid(updated);
            assertThat(json.readTree(updated.value()).get("accountId").asString()).isEqualTo(account);
        }
        api.as(ADMIN, get("/people").param("accountId", account))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void peopleAreSearchedByNameOrEmailAndPaged() throws Exception {
        String tag = unique("zed");
        createPerson("Zed " + tag + " One", tag + "-1@example.org");
        createPerson("Zed Two", tag + "-2@example.org");
        createPerson("Zed " + tag + " Three", "three-" + UUID.randomUUID() + "@example.org");
        api.as(ADMIN, get("/people").param("q", tag.toUpperCase()).param("size", "2").param("sort", "email"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items", hasSize(2)));
        api.as(ADMIN, get("/people").param("q", tag).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items", hasSize(1)));
        api.as(ADMIN, get("/people").param("q", "%")).andExpect(status().isOk());
    }

    // --- groups ---------------------------------------------------------------------------------------

    @Test
    void membersAreAddedAndRemovedInBulkWithOneEventPerPerson() throws Exception {
        String a = createPerson("Member A", unique("a") + "@example.org");
        String b = createPerson("Member B", unique("b") + "@example.org");
        String c = createPerson("Member C", unique("c") + "@example.org");
        String group = api.body(api.as(ADMIN, post("/groups"), """
                {"name": "%s", "description": "Cohort"}""".formatted(unique("Cohort")))
                .andExpect(status().isCreated())).get("id").asString();

        try (TopicReader memberships = TopicReader.of("directory.group-memberships")) {
            api.as(ADMIN, post("/groups/" + group + "/members"), """
                    {"personIds": ["%s", "%s"]}""".formatted(a, b)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.changed", hasSize(2)));
            api.as(ADMIN, post("/groups/" + group + "/members"), """
                    {"personIds": ["%s", "%s", "%s"]}""".formatted(b, c, c)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.changed", hasSize(1)))
                    .andExpect(jsonPath("$.changed[0]").value(c))
                    .andExpect(jsonPath("$.unchanged").value(1));
            api.as(ADMIN, post("/groups/" + group + "/members/remove"), """
                    {"personIds": ["%s", "%s"]}""".formatted(a, unique("not-a-member"))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.changed[0]").value(a));

            List<ConsumerRecord<String, String>> events = memberships.awaitMatching(r -> group.equals(r.key()), 4, EVENT_WAIT);
            assertThat(events).hasSize(4);
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type")).containsExactly(
                    "directory.group-membership.added.v1", "directory.group-membership.added.v1",
                    "directory.group-membership.added.v1", "directory.group-membership.removed.v1");
            assertThat(events).extracting(r -> json.readTree(r.value()).get("personId").asString())
                    .containsExactly(a, b, c, a);
        }
        api.as(ADMIN, get("/groups/" + group + "/members").param("size", "1"))
                .andExpect(jsonPath("$.totalItems").value(2)).andExpect(jsonPath("$.items", hasSize(1)));
        api.as(ADMIN, get("/people/" + b + "/groups")).andExpect(jsonPath("$.items[0].id").value(group));
        api.as(ADMIN, delete("/groups/" + group + "/members/" + b)).andExpect(status().isNoContent());
        api.as(ADMIN, get("/groups/" + group + "/members")).andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void aBulkAddWithAnUnknownPersonAddsNobodyAndNamesTheUnknown() throws Exception {
        String known = createPerson("Known", unique("known") + "@example.org");
        String ghost = unique("ghost");
        String group = api.body(api.as(ADMIN, post("/groups"), """
                {"name": "%s"}""".formatted(unique("Group")))).get("id").asString();
        api.as(ADMIN, post("/groups/" + group + "/members"), """
                {"personIds": ["%s", "%s"]}""".formatted(known, ghost))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("personIds"))
                .andExpect(jsonPath("$.errors[0].message", containsString(ghost)));
        assertThat(jdbc.queryForObject("select count(*) from group_membership where group_id = ?::uuid", Integer.class, group))
                .isZero();
        api.as(ADMIN, post("/groups/" + group + "/members"), "{\"personIds\": []}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("personIds"));
    }

    @Test
    void groupNamesAreUniqueIgnoringCase() throws Exception {
        String name = unique("Team");
        api.as(ADMIN, post("/groups"), "{\"name\": \"" + name + "\"}").andExpect(status().isCreated());
        api.as(ADMIN, post("/groups"), "{\"name\": \"" + name.toLowerCase() + "\"}").andExpect(status().isConflict());
    }

    // --- helpers --------------------------------------------------------------------------------------

    private String createPerson(String name, String email) throws Exception {
        return api.body(api.as(ADMIN, post("/people"), """
                {"name": "%s", "email": "%s"}""".formatted(name, email)).andExpect(status().isCreated()))
                .get("id").asString();
    }




    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
