package org.trainingsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.MutableClock;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog end to end on a real PostgreSQL and Kafka broker; training passes fed by real events, and
 * training-pass-service's access check answered by a real HTTP stub that can also fail.
 */
class CatalogApiTest extends CatalogTestContext {

    /** Where the clock stands at the start of each test: 10 March 2026, 09:00 UTC. */
    static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    private static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    private static final Duration WAIT = Duration.ofSeconds(30);

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
    void reset() {
        api = new ApiCalls(mvc, json);
        clock.set(START);
        StubTrainingPass.MODE.set(StubTrainingPass.Mode.GRANT);
    }

    // --- search -------------------------------------------------------------------------------------

    @Test
    void programsAreFoundByTextCategoryTypeDeliveryCatalogAndPass() throws Exception {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String fire = publishedProgram("COURSE", "CLASSROOM", "Fire safety " + word, "Safety", null);
        String aid = publishedProgram("COURSE", "ONLINE", "First aid basics", "Safety", "Learn " + word + " first aid");
        String path = publishedProgram("LEARNING_PATH", "ONLINE", "Manager path " + word, "Leadership", null);
        String draft = program("ACTIVITY", "ONLINE", "Draft " + word, "Safety", null);

        api.as(ADMIN, get("/me/catalog").param("q", word)).andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].id").value(fire)); // a title match ranks above a description match
        api.as(ADMIN, get("/programs").param("q", word)).andExpect(jsonPath("$.totalItems").value(4));
        api.as(ADMIN, get("/programs").param("q", word).param("status", "DRAFT")).andExpect(jsonPath("$.items[0].id").value(draft));
        api.as(ADMIN, get("/me/catalog").param("q", word).param("category", "safety")).andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/me/catalog").param("q", word).param("type", "LEARNING_PATH"))
                .andExpect(jsonPath("$.items[0].id").value(path)).andExpect(jsonPath("$.totalItems").value(1));
        api.as(ADMIN, get("/me/catalog").param("q", word).param("delivery", "CLASSROOM"))
                .andExpect(jsonPath("$.items[0].id").value(fire)).andExpect(jsonPath("$.totalItems").value(1));
        api.as(ADMIN, get("/me/catalog").param("q", "\"" + word + "\" -fire")).andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/me/catalog").param("q", word).param("sort", "title,desc"))
                .andExpect(jsonPath("$.items[0].id").value(path)).andExpect(jsonPath("$.items[1].id").value(aid)).andExpect(jsonPath("$.items[2].id").value(fire));
        api.as(ADMIN, get("/me/catalog").param("sort", "secret")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));

        String catalog = api.body(api.as(ADMIN, post("/catalogs"), "{\"name\": \"Cat " + word + "\", \"audience\": \"Everyone\"}")
                .andExpect(status().isCreated())).get("id").asString();
        try (TopicReader catalogs = TopicReader.of("catalog.catalogs")) {
            api.as(ADMIN, post("/catalogs/" + catalog + "/items"), """
                    {"kind": "PROGRAM", "itemIds": ["%s", "%s", "%s"]}""".formatted(fire, aid, fire))
                    .andExpect(jsonPath("$.changed").value(2));
            api.as(ADMIN, post("/catalogs/" + catalog + "/items/remove"), """
                    {"kind": "PROGRAM", "itemIds": ["%s"]}""".formatted(aid)).andExpect(jsonPath("$.changed").value(1));
            catalogs.awaitMatching(r -> catalog.equals(r.key()), 3, WAIT).forEach(EventContracts::assertValid);
        }
        api.as(ADMIN, post("/catalogs/" + catalog + "/items"), "{\"kind\": \"PROGRAM\", \"itemIds\": [\"" + UUID.randomUUID() + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("itemIds"));
        api.as(ADMIN, get("/me/catalog").param("q", word).param("catalogId", catalog))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(fire));

        UUID passType = PassEvents.passTypePublished(aid, path);
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from pass_type_item where pass_type_id = ?", passType) == 2);
        api.as(ADMIN, get("/me/catalog").param("q", word).param("passTypeId", passType.toString()))
                .andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/programs").param("q", word).param("inAnotherPass", "true"))
                .andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/programs").param("q", word).param("inAnotherPass", "false"))
                .andExpect(jsonPath("$.totalItems").value(2));
        api.as(ADMIN, get("/programs").param("q", word).param("inAnotherPass", "true").param("exceptPassTypeId", passType.toString()))
                .andExpect(jsonPath("$.totalItems").value(0));
        api.as(ADMIN, get("/me/catalog").param("size", "500")).andExpect(status().isBadRequest());
    }

    @Test
    void aLearnerSeesAGreenBadgeForTheirActivePassesAndAYellowOneForOthers() throws Exception {
        String learner = "learner-" + UUID.randomUUID();
        String word = "bq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String inActive = publishedProgram("COURSE", "ONLINE", "Active " + word, null, null);
        String inExpired = publishedProgram("COURSE", "ONLINE", "Expired " + word, null, null);
        String inCancelled = publishedProgram("COURSE", "ONLINE", "Cancelled " + word, null, null);
        String inNone = publishedProgram("COURSE", "ONLINE", "Nothing " + word, null, null);
        UUID active = PassEvents.passTypePublished(inActive);
        UUID expired = PassEvents.passTypePublished(inExpired);
        UUID cancelled = PassEvents.passTypePublished(inCancelled);
        PassEvents.pass("issued", UUID.randomUUID(), active, learner, "ACTIVE", "2027-01-01");
        PassEvents.pass("expired", UUID.randomUUID(), expired, learner, "EXPIRED", "2026-01-31");
        UUID cancelledPass = PassEvents.pass("issued", UUID.randomUUID(), cancelled, learner, "ACTIVE", "2027-01-01");
        PassEvents.pass("cancelled", cancelledPass, cancelled, learner, "CANCELLED", "2027-01-01");
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from person_pass where person_id = ?", learner) == 3
                && count("select count(*) from person_pass where pass_id = ? and status = 'CANCELLED'", cancelledPass) == 1
                && count("select count(*) from pass_type_item where pass_type_id = ?", active) == 1
                && count("select count(*) from pass_type_item where pass_type_id = ?", expired) == 1
                && count("select count(*) from pass_type_item where pass_type_id = ?", cancelled) == 1);
        // an old "issued" of the cancelled pass arriving late (a replay) must not bring it back
        PassEvents.pass("issued", cancelledPass, cancelled, learner, "ACTIVE", "2027-01-01", 0);
        UUID marker = PassEvents.pass("issued", UUID.randomUUID(), expired, "someone-else", "ACTIVE", "2027-01-01");
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from person_pass where pass_id = ?", marker) == 1);

        String me = TestTokens.bearerLearner(learner);
        JsonNode page = api.body(api.as(me, get("/me/catalog").param("q", word)).andExpect(status().isOk()));
        assertThat(badgeOf(page, inActive)).isEqualTo("INCLUDED_IN_MY_PASS");
        assertThat(badgeOf(page, inExpired)).isEqualTo("INCLUDED_IN_OTHER_PASS");
        assertThat(badgeOf(page, inCancelled)).isEqualTo("INCLUDED_IN_OTHER_PASS");
        assertThat(badgeOf(page, inNone)).isEqualTo("NONE");
        assertThat(page.toString()).contains(active.toString());

        clock.set(java.time.Instant.parse("2027-01-02T10:00:00Z"));
        assertThat(badgeOf(api.body(api.as(me, get("/me/catalog").param("q", word))), inActive))
                .as("the day after it expires, the pass no longer counts").isEqualTo("INCLUDED_IN_OTHER_PASS");
    }

    // --- enrollments ----------------------------------------------------------------------------------

    @Test
    void concurrentBookingsNeverExceedTheCapacity() throws Exception {
        String course = publishedProgram("COURSE", "CLASSROOM", "Small room", null, null);
        String session = session(course, 3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> bookings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String person = "p-" + UUID.randomUUID();
                bookings.add(() -> api.as(ADMIN, post("/enrollments"), """
                        {"personId": "%s", "programId": "%s", "sessionId": "%s", "source": "DIRECT"}"""
                        .formatted(person, course, session)).andReturn().getResponse().getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(bookings)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select seats_taken from program_session where id = ?::uuid", session)).isEqualTo(3);
        assertThat(count("select count(*) from enrollment where session_id = ?::uuid", session)).isEqualTo(3);
    }

    @Test
    void aRetriedBookingFromTheSameSourceIsAnsweredWithTheSameEnrollmentAndTakesOneSeat() throws Exception {
        String course = publishedProgram("COURSE", "CLASSROOM", "Retried", null, null);
        String session = session(course, 3);
        String person = "rb-" + UUID.randomUUID();
        String plan = UUID.randomUUID().toString();
        String booking = """
                {"personId": "%s", "programId": "%s", "sessionId": "%s", "source": "LEARNING_PLAN", "sourceId": "%s"}"""
                .formatted(person, course, session, plan);
        String first = api.body(api.as(ADMIN, post("/enrollments"), booking)).get("id").asString();
        String again = api.body(api.as(ADMIN, post("/enrollments"), booking)).get("id").asString();
        assertThat(again).isEqualTo(first);
        assertThat(count("select seats_taken from program_session where id = ?::uuid", session)).isEqualTo(1);
        api.as(ADMIN, post("/enrollments"), """
                {"personId": "%s", "programId": "%s", "sessionId": "%s", "source": "DIRECT"}"""
                .formatted(person, course, session))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString(first)));
    }

    @Test
    void accessNowBooksWhenTrainingPassesConfirmsAndRefusesWith503WhenItCannotAnswer() throws Exception {
        String learner = "an-" + UUID.randomUUID();
        String me = TestTokens.bearerLearner(learner);
        String module = publishedProgram("ACTIVITY", "ONLINE", "On-demand module", null, null);
        String passId = UUID.randomUUID().toString();
        StubTrainingPass.PASS_ID.set(passId);

        StubTrainingPass.MODE.set(StubTrainingPass.Mode.DROP);
        long started = System.nanoTime();
        api.as(me, post("/me/enrollments/access-now"), "{\"programId\": \"" + module + "\"}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail", containsString("nothing was booked")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(count("select count(*) from enrollment where person_id = ?", learner)).isZero();

        StubTrainingPass.MODE.set(StubTrainingPass.Mode.HANG);
        started = System.nanoTime();
        api.as(me, post("/me/enrollments/access-now"), "{\"programId\": \"" + module + "\"}")
                .andExpect(status().isServiceUnavailable());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the read timeout")
                .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(5));
        assertThat(count("select count(*) from enrollment where person_id = ?", learner)).isZero();

        StubTrainingPass.MODE.set(StubTrainingPass.Mode.DENY);
        api.as(me, post("/me/enrollments/access-now"), "{\"programId\": \"" + module + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("no active pass")));

        StubTrainingPass.MODE.set(StubTrainingPass.Mode.GRANT);
        try (TopicReader enrollments = TopicReader.of("catalog.enrollments")) {
            String enrollment = api.body(api.as(me, post("/me/enrollments/access-now"), "{\"programId\": \"" + module + "\"}")
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.source").value("TRAINING_PASS"))
                    .andExpect(jsonPath("$.sourceId").value(passId))).get("id").asString();
            assertThat(StubTrainingPass.LAST_AUTHORIZATION.get()).as("the learner's own token is passed on").isEqualTo(me);
            EventContracts.assertValid(enrollments.awaitRecord(r -> enrollment.equals(r.key()), WAIT));
        }
    }

    @Test
    void aCancelledPassRevokesItsEnrollmentsAtOnceButKeepsCompletions() throws Exception {
        String learner = "rv-" + UUID.randomUUID();
        String me = TestTokens.bearerLearner(learner);
        String online = publishedProgram("ACTIVITY", "ONLINE", "Module A", null, null);
        String done = publishedProgram("ACTIVITY", "ONLINE", "Module B", null, null);
        String classroom = publishedProgram("COURSE", "CLASSROOM", "Workshop", null, null);
        String seat = session(classroom, 10);
        UUID passType = PassEvents.passTypePublished(online, done, classroom);
        UUID pass = UUID.randomUUID();
        StubTrainingPass.PASS_ID.set(pass.toString());
        PassEvents.pass("issued", pass, passType, learner, "ACTIVE", "2027-01-01");

        String live = api.body(api.as(me, post("/me/enrollments/access-now"), "{\"programId\": \"" + online + "\"}")).get("id").asString();
        api.as(me, post("/me/enrollments/access-now"), "{\"programId\": \"" + done + "\"}").andExpect(status().isCreated());
        String workshop = api.body(api.as(me, post("/me/enrollments/access-now"),
                "{\"programId\": \"" + classroom + "\", \"sessionId\": \"" + seat + "\"}")).get("id").asString();
        String completed;
        try (TopicReader enrollments = TopicReader.of("catalog.enrollments")) {
            completed = api.body(api.as(ADMIN, post("/completions"), """
                    {"personId": "%s", "programId": "%s", "credits": 1.5}""".formatted(learner, done))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"))).get("id").asString();
            ConsumerRecord<String, String> event = enrollments.awaitRecord(r -> completed.equals(r.key())
                    && "catalog.enrollment.completed.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(event);
            assertThat(json.readTree(event.value()).get("credits").decimalValue()).isEqualByComparingTo("1.5");
        }

        try (TopicReader enrollments = TopicReader.of("catalog.enrollments")) {
            PassEvents.pass("cancelled", pass, passType, learner, "CANCELLED", "2027-01-01");
            List<ConsumerRecord<String, String>> revoked = enrollments.awaitMatching(
                    r -> "catalog.enrollment.revoked.v1".equals(EventContracts.header(r, "ce_type"))
                            && (live.equals(r.key()) || workshop.equals(r.key())), 2, WAIT);
            revoked.forEach(EventContracts::assertValid);
        }
        api.as(ADMIN, get("/enrollments/" + live)).andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.reason", containsString(pass.toString())));
        assertThat(count("select seats_taken from program_session where id = ?::uuid", seat)).as("the seat is free again").isZero();
        assertThat(count("select count(*) from completion where person_id = ?", learner)).as("progress is kept").isEqualTo(1);
        api.as(ADMIN, get("/enrollments/" + completed)).andExpect(jsonPath("$.status").value("COMPLETED"));
        api.as(me, get("/me/access-decisions").param("programId", online)).andExpect(jsonPath("$.allowed").value(false));
    }

    @Test
    void aPassMovedToAnotherPersonRevokesWhatThePreviousHolderBookedThroughIt() throws Exception {
        String before = "ra-" + UUID.randomUUID();
        String after = "rb-" + UUID.randomUUID();
        String module = publishedProgram("ACTIVITY", "ONLINE", "Moved module", null, null);
        UUID passType = PassEvents.passTypePublished(module);
        UUID pass = PassEvents.pass("issued", UUID.randomUUID(), passType, before, "ACTIVE", "2027-01-01");
        StubTrainingPass.PASS_ID.set(pass.toString());
        String booked = api.body(api.as(TestTokens.bearerLearner(before), post("/me/enrollments/access-now"),
                "{\"programId\": \"" + module + "\"}").andExpect(status().isCreated())).get("id").asString();

        PassEvents.reassigned(pass, passType, after, before);

        Awaitility.await().atMost(WAIT).until(() -> count(
                "select count(*) from enrollment where id = ?::uuid and status = 'REVOKED'", booked) == 1);
        api.as(ADMIN, get("/enrollments/" + booked)).andExpect(jsonPath("$.reason", containsString("another person")));
        api.as(TestTokens.bearerLearner(after), get("/me/access-decisions").param("programId", module))
                .andExpect(jsonPath("$.allowed").value(true));
    }

    @Test
    void aLearnerCancelsTheirOwnLmsPassEnrollmentButNotAClassroomOne() throws Exception {
        String learner = "cx-" + UUID.randomUUID();
        String me = TestTokens.bearerLearner(learner);
        String online = publishedProgram("EVENT", "ONLINE", "Webinar", null, null);
        String onlineSession = session(online, null);
        String classroom = publishedProgram("EVENT", "CLASSROOM", "Onsite day", null, null);
        String classroomSession = session(classroom, 20);
        String blended = publishedProgram("EVENT", "BLENDED", "Mixed day", null, null);
        String blendedSession = session(blended, 20);
        StubTrainingPass.PASS_ID.set(UUID.randomUUID().toString());

        String web = book(me, online, onlineSession);
        String onsite = book(me, classroom, classroomSession);
        String mixed = book(me, blended, blendedSession);
        try (TopicReader enrollments = TopicReader.of("catalog.enrollments")) {
            api.as(me, post("/me/enrollments/" + web + "/cancel")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("CANCELLED"));
            EventContracts.assertValid(enrollments.awaitRecord(r -> web.equals(r.key())
                    && "catalog.enrollment.cancelled.v1".equals(EventContracts.header(r, "ce_type")), WAIT));
        }
        api.as(me, post("/me/enrollments/" + onsite + "/cancel")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("classroom enrollment made through a pass cannot be cancelled")));
        api.as(me, post("/me/enrollments/" + mixed + "/cancel")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("blended")));
        api.as(TestTokens.bearerLearner("someone-else"), post("/me/enrollments/" + onsite + "/cancel"))
                .andExpect(status().isNotFound());
        api.as(me, post("/enrollments/" + onsite + "/cancel"), "{}").andExpect(status().isForbidden());
        api.as(me, get("/me/enrollments")).andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    void theAccessDecisionListsEveryGrantAndTheLongestDecides() throws Exception {
        String learner = "ad-" + UUID.randomUUID();
        String item = api.body(api.as(ADMIN, post("/programs"), """
                {"type": "ACTIVITY", "delivery": "ONLINE", "title": "Compliance", "accessDays": 30}"""))
                .get("id").asString();
        api.as(ADMIN, post("/programs/" + item + "/publish")).andExpect(status().isOk());
        api.as(ADMIN, post("/enrollments"), """
                {"personId": "%s", "programId": "%s", "source": "DIRECT"}""".formatted(learner, item))
                .andExpect(status().isCreated());
        UUID passType = PassEvents.passTypePublished(item);
        UUID pass = PassEvents.pass("issued", UUID.randomUUID(), passType, learner, "ACTIVE", "2026-12-31");
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from person_pass where pass_id = ?", pass) == 1
                && count("select count(*) from pass_type_item where pass_type_id = ?", passType) == 1);

        api.as(ADMIN, get("/access-decisions").param("personId", learner).param("programId", item))
                .andExpect(jsonPath("$.allowed").value(true))
                .andExpect(jsonPath("$.grants", hasSize(2)))
                .andExpect(jsonPath("$.decidedBy.source").value("TRAINING_PASS"))
                .andExpect(jsonPath("$.decidedBy.id").value(pass.toString()));
        clock.set(java.time.Instant.parse("2027-01-05T00:00:00Z"));
        api.as(TestTokens.bearerLearner(learner), get("/me/access-decisions").param("programId", item))
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.grants[0].source").value("DIRECT"))
                .andExpect(jsonPath("$.grants[0].active").value(false));
        clock.set(START);
        api.as(TestTokens.bearerLearner(learner), get("/access-decisions").param("personId", "x").param("programId", item))
                .andExpect(status().isForbidden());
    }

    @Test
    void publishedProgramsCarryTheirSessionsAndCreditsInTheirEvents() throws Exception {
        try (TopicReader programs = TopicReader.of("catalog.programs")) {
            String course = program("COURSE", "CLASSROOM", "Rigging", "Safety", null);
            session(course, 12);
            api.as(ADMIN, post("/programs/" + course + "/publish")).andExpect(status().isOk());
            session(course, 8);
            api.as(ADMIN, post("/programs/" + course + "/archive")).andExpect(status().isOk());
            List<ConsumerRecord<String, String>> events = programs.awaitMatching(r -> course.equals(r.key()), 3, WAIT);
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type")).containsExactly(
                    "catalog.program.published.v1", "catalog.program.updated.v1", "catalog.program.archived.v1");
            assertThat(json.readTree(events.get(1).value()).get("sessions")).hasSize(2);
        }
        String draft = program("ACTIVITY", "ONLINE", "Hidden", null, null);
        api.as(TestTokens.bearerLearner("x"), get("/programs/" + draft)).andExpect(status().isNotFound());
        api.as(ADMIN, post("/programs/" + draft + "/sessions"), """
                {"startsAt": "2026-04-01T09:00:00Z", "endsAt": "2026-04-01T17:00:00Z", "timeZone": "Europe/Paris"}""")
                .andExpect(status().isConflict());
        String course = program("COURSE", "CLASSROOM", "Timing", null, null);
        api.as(ADMIN, post("/programs/" + course + "/sessions"), """
                {"startsAt": "2026-04-01T09:00:00Z", "endsAt": "2026-04-01T08:00:00Z", "timeZone": "Mars/Olympus"}""")
                .andExpect(status().isBadRequest());
        api.as(ADMIN, post("/programs/" + course + "/sessions"), """
                {"startsAt": "-999999999-01-01T00:00:00Z", "endsAt": "2026-04-01T08:00:00Z", "timeZone": "Europe/Paris"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        api.as(ADMIN, post("/programs/" + course + "/sessions"), """
                {"startsAt": "2026-04-01T09:00:00Z", "endsAt": "+999999999-12-31T23:59:59Z", "timeZone": "Europe/Paris"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        api.as(ADMIN, post("/programs"), "{\"type\": \"COURSE\", \"delivery\": \"ONLINE\", \"title\": \"\", \"credits\": -1}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors", hasSize(2)));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private String program(String type, String delivery, String title, String category, String description) throws Exception {
        return api.body(api.as(ADMIN, post("/programs"), """
                {"type": "%s", "delivery": "%s", "title": "%s", "category": %s, "description": %s, "credits": 2}"""
                .formatted(type, delivery, title, category == null ? "null" : "\"" + category + "\"",
                        description == null ? "null" : "\"" + description + "\""))
                .andExpect(status().isCreated())).get("id").asString();
    }

    private String publishedProgram(String type, String delivery, String title, String category, String description)
            throws Exception {
        String id = program(type, delivery, title, category, description);
        api.as(ADMIN, post("/programs/" + id + "/publish")).andExpect(status().isOk());
        return id;
    }

    private String session(String program, Integer capacity) throws Exception {
        return api.body(api.as(ADMIN, post("/programs/" + program + "/sessions"), """
                {"startsAt": "2026-04-01T09:00:00Z", "endsAt": "2026-04-01T17:00:00Z", "timeZone": "Europe/Paris",
                 "capacity": %s, "location": "Room 1", "lmsLink": "https://lms.example.org/s", "credits": 1}"""
                .formatted(capacity == null ? "null" : capacity.toString())).andExpect(status().isCreated()))
                .get("id").asString();
    }

    private String book(String me, String program, String session) throws Exception {
        return api.body(api.as(me, post("/me/enrollments/access-now"), """
                {"programId": "%s", "sessionId": "%s"}""".formatted(program, session)).andExpect(status().isCreated()))
                .get("id").asString();
    }

    private static String badgeOf(JsonNode page, String id) {
        for (JsonNode item : page.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item.get("passBadge").asString();
            }
        }
        throw new AssertionError("no item " + id + " in " + page);
    }

    private long count(String sql, Object arg) {
        Long n = jdbc.queryForObject(sql, Long.class, arg);
        return n == null ? 0 : n;
    }



}
