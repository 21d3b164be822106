package org.trainingsuite.learningplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.trainingsuite.learningplan.progress.OverdueJob;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * Registration against a real PostgreSQL and Kafka broker, with catalog-service's enrollment API played by
 * {@link StubCatalog} over HTTP: the ENFORCED workflow (auto-registration, choices, review), NON_ENFORCED
 * enrolling as you go, add to my learning and remove, deletion that cancels only what the plan enrolled,
 * an unavailable catalog, and the overdue event.
 */
class RegistrationApiTest extends LearningPlanApiTest {

    @Autowired
    OverdueJob overdue;

    @Test
    void enforcedRegistrationStopsAtTheFirstMilestoneNeedingAChoiceThenEnrollsEverythingThroughCatalog() throws Exception {
        TestProgram course = program("COURSE", 1, 1), activity = program("ACTIVITY", 1, 0);
        TestProgram twoSessions = program("COURSE", 2, 2), twoCredits = program("COURSE", 2, 1);
        String plan = plan("ENFORCED", true, false, true);
        String auto = milestone(plan, "SESSIONS", 2, List.of(course.id(), activity.id()));
        String credits = milestone(plan, "CREDITS", 3, List.of(twoSessions.id(), twoCredits.id()));
        publish(plan);
        String person = person("enf");
        String me = TestTokens.bearerLearner(person);
        String registration = "/me/learning-plans/" + plan + "/registration";

        api.as(me, get(registration)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NONE"))
                .andExpect(jsonPath("$.milestones[0].autoRegistered").value(true))
                .andExpect(jsonPath("$.milestones[1].autoRegistered").value(false))
                .andExpect(jsonPath("$.nextStep").value("MILESTONE"))
                .andExpect(jsonPath("$.nextMilestoneId").value(credits));
        api.as(me, post(registration + "/complete")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("CREDITS milestone needs a choice")));
        api.as(me, put(registration + "/milestones/" + credits), choices(twoSessions.id(), twoSessions.sessions().get(1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("choices"))
                .andExpect(jsonPath("$.errors[0].message", containsString("3 credit(s) required, the choices give 2")));
        api.as(me, put(registration + "/milestones/" + credits), "{\"choices\": [{\"programId\": \"" + twoSessions.id() + "\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("choices[0].sessionId"));
        api.as(me, put(registration + "/milestones/" + credits), "{\"choices\": [{\"programId\": \"" + course.id() + "\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("choices[0].programId"));
        api.as(me, put(registration + "/milestones/" + credits), """
                {"choices": [{"programId": "%s", "sessionId": "%s"}, {"programId": "%s"}]}"""
                .formatted(twoSessions.id(), twoSessions.sessions().get(1), twoCredits.id()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STARTED"))
                .andExpect(jsonPath("$.nextStep").value("REVIEW"));
        assertThat(StubCatalog.of(person)).as("nothing is enrolled before Complete").isEmpty();

        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            api.as(me, post(registration + "/complete")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("REGISTERED")).andExpect(jsonPath("$.nextStep").value("DONE"));
            ConsumerRecord<String, String> registered = assignments.awaitRecord(r -> r.value().contains(person)
                    && "learning-plan.assignment.registered.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(registered);
            JsonNode summary = json.readTree(registered.value()).get("milestones");
            assertThat(summary.get(0).get("enrollments")).hasSize(2);
            assertThat(summary.get(1).get("enrollments")).hasSize(2);
            assertThat(summary.get(1).get("enrollments").get(0).get("madeByPlan").asBoolean()).isTrue();
        }
        List<StubCatalog.Enrollment> enrolled = StubCatalog.of(person);
        assertThat(enrolled).hasSize(4).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("LEARNING_PLAN");
            assertThat(e.sourceId()).isEqualTo(plan);
        });
        assertThat(enrolled).extracting(StubCatalog.Enrollment::sessionId)
                .contains(course.sessions().getFirst(), twoSessions.sessions().get(1), twoCredits.sessions().getFirst(), null);
        assertThat(StubCatalog.AUTHORIZATIONS).contains("Bearer " + SERVICE_TOKEN);

        api.as(me, post(registration + "/complete")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REGISTERED"));
        assertThat(StubCatalog.of(person)).as("completing again enrolls nothing more").hasSize(4);

        api.as(me, get("/me/learning-plans")).andExpect(jsonPath("$[0].planId").value(plan))
                .andExpect(jsonPath("$[0].via").value("SELF")).andExpect(jsonPath("$[0].registration").value("REGISTERED"));
        api.as(ADMIN, get("/plans/" + plan + "/registrations")).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].personId").value(person))
                .andExpect(jsonPath("$.items[0].status").value("REGISTERED"))
                .andExpect(jsonPath("$.items[0].enrollments").value(4));
        api.as(ADMIN, get("/plans/" + plan + "/assignments")).andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void deletingARegistrationCancelsOnlyTheEnrollmentsThePlanMade() throws Exception {
        TestProgram held = program("COURSE", 1, 1), fresh = program("ACTIVITY", 1, 0);
        String plan = plan("ENFORCED", true, false, false);
        milestone(plan, "SESSIONS", 2, List.of(held.id(), fresh.id()));
        publish(plan);
        String person = person("del");
        assign(plan, person);
        StubCatalog.Enrollment direct = StubCatalog.enrollDirectly(person, held.id(), held.sessions().getFirst());
        String me = TestTokens.bearerLearner(person);
        String registration = "/me/learning-plans/" + plan + "/registration";

        api.as(me, get(registration)).andExpect(jsonPath("$.nextStep").value("REVIEW"));
        api.as(me, post(registration + "/complete")).andExpect(status().isOk())
                .andExpect(jsonPath("$.milestones[0].chosen[?(@.madeByPlan == false)].enrollmentId").value(direct.id()));
        StubCatalog.Enrollment made = StubCatalog.of(person).stream().filter(e -> "LEARNING_PLAN".equals(e.source()))
                .findFirst().orElseThrow();

        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            api.as(ADMIN, delete("/plans/" + plan + "/registrations/" + person)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.cancelledEnrollmentIds[0]").value(made.id()))
                    .andExpect(jsonPath("$.cancelledEnrollmentIds.length()").value(1))
                    .andExpect(jsonPath("$.keptEnrollmentIds[0]").value(direct.id()));
            ConsumerRecord<String, String> deleted = assignments.awaitRecord(r -> r.value().contains(person)
                    && "learning-plan.assignment.registration-deleted.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(deleted);
        }
        assertThat(StubCatalog.ENROLLMENTS.get(made.id()).status()).isEqualTo("CANCELLED");
        assertThat(StubCatalog.ENROLLMENTS.get(direct.id()).status()).as("booked before the plan: not the plan's to cancel")
                .isEqualTo("ENROLLED");
        api.as(ADMIN, get("/plans/" + plan + "/registrations?status=DELETED")).andExpect(jsonPath("$.items[0].personId").value(person));
        api.as(ADMIN, get("/plans/" + plan + "/registrations?status=GONE")).andExpect(status().isBadRequest());
        api.as(ADMIN, delete("/plans/" + plan + "/registrations/" + person)).andExpect(status().isNotFound());
        api.as(me, delete("/plans/" + plan + "/registrations/" + person)).andExpect(status().isForbidden());
        api.as(ADMIN, get("/plans/" + plan + "/assignments")).andExpect(jsonPath("$.items[0].personId").value(person));

        // registering again after the deletion enrolls again what the plan needs
        api.as(me, get(registration)).andExpect(jsonPath("$.status").value("DELETED")).andExpect(jsonPath("$.nextStep").value("REVIEW"));
        api.as(me, post(registration + "/complete")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REGISTERED"));
        assertThat(StubCatalog.of(person)).filteredOn(e -> "ENROLLED".equals(e.status()))
                .extracting(StubCatalog.Enrollment::programId).containsExactlyInAnyOrder(held.id(), fresh.id());
    }

    @Test
    void nonEnforcedPeopleEnrollAsTheyGoAndAddToMyLearningAndRemoveStartAndCancelRegistration() throws Exception {
        TestProgram choice = program("EVENT", 1, 2);
        String plan = plan("NON_ENFORCED", false, true, true);
        String milestone = milestone(plan, "SESSIONS", 1, List.of(choice.id()));
        publish(plan);
        String person = person("nen");
        String me = TestTokens.bearerLearner(person);
        String base = "/me/learning-plans/" + plan;

        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            api.as(me, post(base + "/add")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STARTED"))
                    .andExpect(jsonPath("$.nextStep").value("ENROLL_AS_YOU_GO"));
            api.as(me, post(base + "/add")).andExpect(status().isOk()); // adding again changes nothing
            api.as(me, get("/me/learning-plans")).andExpect(jsonPath("$[0].via").value("SELF"))
                    .andExpect(jsonPath("$[0].registration").value("STARTED"));
            api.as(ADMIN, get("/plans/" + plan + "/assignments")).andExpect(jsonPath("$.totalItems").value(0));
            api.as(ADMIN, get("/plans/" + plan + "/registrations")).andExpect(jsonPath("$.items[0].status").value("STARTED"));

            api.as(me, post(base + "/enrollments"), """
                    {"milestoneId": "%s", "programId": "%s"}""".formatted(milestone, choice.id()))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sessionId"));
            api.as(me, post(base + "/enrollments"), """
                    {"milestoneId": "%s", "programId": "%s", "sessionId": "%s"}""".formatted(milestone, choice.id(),
                    choice.sessions().get(1))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REGISTERED"));
            api.as(me, put(base + "/registration/milestones/" + milestone), choices(choice.id(), choice.sessions().getFirst()))
                    .andExpect(status().isConflict());
            api.as(me, delete(base + "/registration")).andExpect(status().isNoContent());
            api.as(me, delete(base + "/registration")).andExpect(status().isNotFound());

            List<ConsumerRecord<String, String>> events = assignments.awaitMatching(r -> r.value().contains(person), 3, WAIT);
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type")).containsExactly(
                    "learning-plan.assignment.registration-started.v1", "learning-plan.assignment.registered.v1",
                    "learning-plan.assignment.registration-cancelled.v1");
            assertThat(json.readTree(events.getFirst().value()).get("how").asString()).isEqualTo("ADD_TO_MY_LEARNING");
            assertThat(json.readTree(events.get(2).value()).get("previousStatus").asString()).isEqualTo("REGISTERED");
        }
        assertThat(StubCatalog.of(person)).as("removing the plan leaves the person's enrollments")
                .extracting(StubCatalog.Enrollment::status).containsExactly("ENROLLED");
        api.as(me, get("/me/learning-plans")).andExpect(jsonPath("$.length()").value(0));

        // added again, then assigned by an admin: the self-registration becomes an assignment, not a conflict
        api.as(me, post(base + "/add")).andExpect(status().isOk());
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + person + "\"]}")
                .andExpect(jsonPath("$.assigned").value(1)).andExpect(jsonPath("$.conflicted").value(0));
        api.as(ADMIN, get("/plans/" + plan + "/assignments")).andExpect(jsonPath("$.items[0].via").value("PERSON"));
    }

    @Test
    void disabledRegistrationIsRefusedAndAPlanNeitherAssignedNorOfferedIsNotFound() throws Exception {
        TestProgram program = program("ACTIVITY", 1, 0);
        String disabled = plan("DISABLED", false, false, true);
        String milestone = milestone(disabled, "SESSIONS", 1, List.of(program.id()));
        publish(disabled);
        String me = TestTokens.bearerLearner(person("dis"));
        api.as(me, get("/me/learning-plans/" + disabled + "/registration")).andExpect(jsonPath("$.nextStep").value("NONE"));
        api.as(me, post("/me/learning-plans/" + disabled + "/registration/complete")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("registration is disabled")));
        api.as(me, post("/me/learning-plans/" + disabled + "/enrollments"), """
                {"milestoneId": "%s", "programId": "%s"}""".formatted(milestone, program.id())).andExpect(status().isConflict());
        api.as(me, post("/me/learning-plans/" + disabled + "/add")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("does not offer Add to My Learning")));

        String hidden = plan("ENFORCED", false, false, false);
        milestone(hidden, "SESSIONS", 1, List.of(program.id()));
        publish(hidden);
        api.as(me, get("/me/learning-plans/" + hidden + "/registration")).andExpect(status().isNotFound());
        api.as(me, post("/me/learning-plans/" + hidden + "/registration/complete")).andExpect(status().isNotFound());
    }

    @Test
    void whenCatalogCannotAnswerCompleteIs503AndARetryFinishesTheRegistration() throws Exception {
        TestProgram a = program("ACTIVITY", 1, 0), b = program("ACTIVITY", 1, 0);
        String plan = plan("ENFORCED", true, false, false);
        milestone(plan, "SESSIONS", 2, List.of(a.id(), b.id()));
        publish(plan);
        String person = person("out");
        assign(plan, person);
        String me = TestTokens.bearerLearner(person);
        String registration = "/me/learning-plans/" + plan + "/registration";
        StubCatalog.DOWN.set(true);
        try {
            api.as(me, post(registration + "/complete")).andExpect(status().isServiceUnavailable());
        } finally {
            StubCatalog.DOWN.set(false);
        }
        api.as(me, get(registration)).andExpect(jsonPath("$.status").value("STARTED"));
        assertThat(StubCatalog.of(person)).isEmpty();
        api.as(me, post(registration + "/complete")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REGISTERED"));
        assertThat(StubCatalog.of(person)).hasSize(2);
    }

    @Test
    void anAssignmentPastItsDueDateIsOverdueOnce() throws Exception {
        String plan = plan("NON_ENFORCED", false, false, false);
        milestone(plan, "SESSIONS", 1, List.of(program("ACTIVITY", 1, 0).id()));
        publish(plan);
        String late = person("late"), onTime = person("ontime");
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + late + "\"], \"dueDate\": \"2020-01-31\"}")
                .andExpect(status().isOk());
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + onTime + "\"], \"dueDate\": \"2999-01-31\"}")
                .andExpect(status().isOk());
        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            assertThat(overdue.flagOverdue()).isGreaterThanOrEqualTo(1);
            overdue.flagOverdue();
            ConsumerRecord<String, String> event = assignments.awaitRecord(r -> r.value().contains(late)
                    && "learning-plan.assignment.overdue.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(event);
            assertThat(json.readTree(event.value()).get("dueDate").asString()).isEqualTo("2020-01-31");
            assertThat(assignments.drain(Duration.ofMillis(500))).as("once for the late one, however often the job runs; never for the other")
                    .filteredOn(r -> "learning-plan.assignment.overdue.v1".equals(EventContracts.header(r, "ce_type"))
                            && (r.value().contains(late) || r.value().contains(onTime)))
                    .hasSize(1);
        }
        api.as(TestTokens.bearerLearner(late), get("/me/learning-plans")).andExpect(jsonPath("$[0].overdue").value(true));
        api.as(TestTokens.bearerLearner(onTime), get("/me/learning-plans")).andExpect(jsonPath("$[0].overdue").value(false));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private String plan(String registrationType, boolean autoRegister, boolean addToMyLearning, boolean offered) throws Exception {
        return api.body(api.as(ADMIN, post("/plans"), """
                {"name": "Registration %s", "registrationType": "%s", "autoRegister": %s, "addToMyLearning": %s,
                 "catalogIds": %s}""".formatted(UUID.randomUUID().toString().substring(0, 6), registrationType, autoRegister,
                addToMyLearning, offered ? "[\"" + UUID.randomUUID() + "\"]" : "[]"))
                .andExpect(status().isCreated())).get("id").asString();
    }

    private void publish(String plan) throws Exception {
        api.as(ADMIN, post("/plans/" + plan + "/publish")).andExpect(status().isOk());
    }

    private void assign(String plan, String person) throws Exception {
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + person + "\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.assigned").value(1));
    }

    private static String choices(String program, String session) {
        return "{\"choices\": [{\"programId\": \"" + program + "\", \"sessionId\": \"" + session + "\"}]}";
    }

    private static String person(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
