package org.trainingsuite.learningplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;

/** Progress from real catalog completion events: sessions vs credits, waivers, duplicates, out-of-order arrival. */
class ProgressApiTest extends LearningPlanApiTest {

    @Test
    void completionsCountAsSessionsOrCreditsAndAWaivedMilestoneCountsAsMet() throws Exception {
        String p1 = program(1), p2 = program(1), p3 = program(1), p4 = program(2), p5 = program(2);
        String person = "pr-" + UUID.randomUUID().toString().substring(0, 8);
        String plan = api.body(api.as(ADMIN, post("/plans"), """
                {"name": "Progress %s", "registrationType": "NON_ENFORCED", "dueDate": "2026-12-31"}"""
                .formatted(person))).get("id").asString();
        String sessions = milestone(plan, "SESSIONS", 2, List.of(p1, p2, p3));
        String credits = milestone(plan, "CREDITS", 3, List.of(p4, p5));
        milestone(plan, "NONE", 0, List.of(p1));
        api.as(ADMIN, post("/plans/" + plan + "/publish")).andExpect(status().isOk());

        // a completion that arrives before the assignment it counts for
        completed(person, p1, 1, UUID.randomUUID());
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from completion_record where person_id = ?", person) == 1);
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + person + "\"]}").andExpect(status().isOk());
        String me = TestTokens.bearerLearner(person);
        api.as(me, get("/me/learning-plans")).andExpect(jsonPath("$[0].milestones[0].unitsEarned").value(1))
                .andExpect(jsonPath("$[0].nextDue").value("SESSIONS milestone: 1 of 2 sessions"));

        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            UUID enrollment = UUID.randomUUID();
            completed(person, p2, 1, enrollment);
            completed(person, p2, 1, enrollment); // the same completion delivered again
            completed(person, p4, 2, UUID.randomUUID());
            Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from completion_record where person_id = ?", person) == 3);
            ConsumerRecord<String, String> met = assignments.awaitRecord(r -> r.value().contains(person)
                    && "learning-plan.assignment.milestone-completed.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(met);
            assertThat(json.readTree(met.value()).get("milestoneId").asString()).isEqualTo(sessions);

            api.as(me, get("/me/learning-plans"))
                    .andExpect(jsonPath("$[0].milestones[0].unitsEarned").value(2))
                    .andExpect(jsonPath("$[0].milestones[0].met").value(true))
                    .andExpect(jsonPath("$[0].milestones[1].unitsEarned").value(2))
                    .andExpect(jsonPath("$[0].milestones[1].met").value(false))
                    .andExpect(jsonPath("$[0].completedAt").doesNotExist());

            api.as(ADMIN, put("/plans/" + plan + "/assignments/" + person + "/milestones/" + credits), "{\"status\": \"WAIVED\"}")
                    .andExpect(status().isOk());
            ConsumerRecord<String, String> done = assignments.awaitRecord(r -> r.value().contains(person)
                    && "learning-plan.assignment.plan-completed.v1".equals(EventContracts.header(r, "ce_type")), WAIT);
            EventContracts.assertValid(done);
            List<ConsumerRecord<String, String>> milestones = assignments.drain(Duration.ofMillis(300)).stream()
                    .filter(r -> r.value().contains(person))
                    .filter(r -> "learning-plan.assignment.milestone-completed.v1".equals(EventContracts.header(r, "ce_type")))
                    .toList();
            assertThat(milestones).as("each required milestone met once; the elective one has no event").hasSize(2);
        }
        api.as(me, get("/me/learning-plans")).andExpect(jsonPath("$[0].completedAt").exists())
                .andExpect(jsonPath("$[0].milestones[1].waived").value(true));
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** A published online course with one session. */
    private String program(int credits) {
        return program("COURSE", credits, 1).id();
    }

    private static void completed(String person, String program, int credits, UUID enrollment) {
        TestEvents.publish("catalog.enrollments", enrollment + "-done", "catalog.enrollment.completed.v1", enrollment.toString(), """
                {"enrollmentId": "%s", "personId": "%s", "programId": "%s", "programType": "ACTIVITY", "sessionId": null,
                 "source": "LEARNING_PLAN", "sourceId": "x", "status": "COMPLETED", "reason": null, "credits": %d,
                 "completedAt": "2026-03-10T10:00:00Z"}""".formatted(enrollment, person, program, credits));
    }

    private long count(String sql, Object arg) {
        Long n = jdbc.queryForObject(sql, Long.class, arg);
        return n == null ? 0 : n;
    }
}
