package org.trainingsuite.learningplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TopicReader;

/** Assignments of plans to people and live groups; memberships fed by real directory events. */
class AssignmentsApiTest extends LearningPlanApiTest {

    @Test
    void aLaterAssignmentIncludingSomeoneWhoHasThePlanIsAConflictNamingThem() throws Exception {
        String plan = publishedPlan();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String a = "a-" + tag, b = "b-" + tag, c = "c-" + tag, d = "d-" + tag, e = "e-" + tag;
        UUID first = group(a, b);
        UUID second = group(b, c);
        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + d + "\"], \"dueDate\": \"2026-10-01\"}")
                    .andExpect(jsonPath("$.assigned").value(1));
            api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"groupId\": \"" + first + "\"}")
                    .andExpect(jsonPath("$.assigned").value(2)).andExpect(jsonPath("$.conflicted").value(0));
            api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"groupId\": \"" + second + "\", \"dueDate\": \"2027-01-01\"}")
                    .andExpect(jsonPath("$.assigned").value(1))
                    .andExpect(jsonPath("$.conflicted").value(1))
                    .andExpect(jsonPath("$.conflicts[0].personId").value(b))
                    .andExpect(jsonPath("$.conflicts[0].existingVia").value("GROUP"))
                    .andExpect(jsonPath("$.conflicts[0].reason", containsString("through a group")));
            api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"personIds\": [\"" + d + "\", \"" + e + "\"]}")
                    .andExpect(jsonPath("$.assigned").value(1)).andExpect(jsonPath("$.conflicts[0].personId").value(d))
                    .andExpect(jsonPath("$.conflicts[0].existingVia").value("PERSON"));
            api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"groupId\": \"" + second + "\"}")
                    .andExpect(status().isConflict());

            List<ConsumerRecord<String, String>> events = assignments.awaitMatching(
                    r -> r.value().contains(plan), 7, WAIT);
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type"))
                    .filteredOn(t -> t.endsWith("assignment-conflicted.v1")).hasSize(2);
        }
        api.as(ADMIN, get("/plans/" + plan + "/assignments").param("size", "2"))
                .andExpect(jsonPath("$.totalItems").value(5)).andExpect(jsonPath("$.items", hasSize(2)));
        String bDue = jdbc.queryForObject("select due_date::text from assignment where person_id = ?", String.class, b);
        assertThat(bDue).as("b keeps the due date of the first group's assignment").isEqualTo("2026-12-31");
    }

    @Test
    void someoneWhoJoinsAnAssignedGroupLaterIsAssignedAndALeaverKeepsThePlan() throws Exception {
        String plan = publishedPlan();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String early = "early-" + tag, late = "late-" + tag;
        UUID group = group(early);
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"groupId\": \"" + group + "\"}")
                .andExpect(jsonPath("$.assigned").value(1));

        membership("added", group, late);
        Awaitility.await().atMost(WAIT).until(() -> assigned(plan, late));
        membership("removed", group, early);
        Awaitility.await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from group_member where group_id = ? and person_id = ?", Integer.class, group, early) == 0);
        assertThat(assigned(plan, early)).as("a leaver keeps the plan and its progress").isTrue();
    }

    @Test
    void editingAGroupAssignedPersonsMilestoneMakesTheirAssignmentIndividual() throws Exception {
        String plan = publishedPlan();
        String milestone = api.body(api.as(ADMIN, get("/plans/" + plan))).get("milestones").get(0).get("milestoneId").asString();
        String person = "o-" + UUID.randomUUID().toString().substring(0, 6);
        UUID group = group(person);
        api.as(ADMIN, post("/plans/" + plan + "/assignments"), "{\"groupId\": \"" + group + "\"}").andExpect(status().isOk());

        try (TopicReader assignments = TopicReader.of("learning-plan.assignments")) {
            api.as(ADMIN, put("/plans/" + plan + "/assignments/" + person + "/milestones/" + milestone),
                    "{\"status\": \"ADJUSTED\", \"unitsRequired\": 1, \"notes\": \"prior experience\"}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.madeIndividual").value(true));
            api.as(ADMIN, put("/plans/" + plan + "/assignments/" + person + "/milestones/" + milestone), "{\"status\": \"WAIVED\"}")
                    .andExpect(jsonPath("$.madeIndividual").value(false));
            // waiving the plan's only milestone also meets it, and so completes the plan
            List<ConsumerRecord<String, String>> events = assignments.awaitMatching(r -> r.value().contains(person)
                    && !"learning-plan.assignment.assigned.v1".equals(EventContracts.header(r, "ce_type")), 5, WAIT);
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type")).containsExactly(
                    "learning-plan.assignment.overridden.v1", "learning-plan.assignment.milestone-status-changed.v1",
                    "learning-plan.assignment.milestone-status-changed.v1", "learning-plan.assignment.milestone-completed.v1",
                    "learning-plan.assignment.plan-completed.v1");
        }
        assertThat(jdbc.queryForObject("select individual from assignment where person_id = ?", Boolean.class, person)).isTrue();
        api.as(ADMIN, put("/plans/" + plan + "/assignments/" + person + "/milestones/" + milestone), "{\"status\": \"ADJUSTED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        api.as(ADMIN, put("/plans/" + plan + "/assignments/nobody/milestones/" + milestone), "{\"status\": \"WAIVED\"}")
                .andExpect(status().isNotFound());
        api.as(ADMIN, put("/plans/" + plan + "/assignments/" + person + "/milestones/" + milestone), "{\"status\": \"SKIPPED\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyPublishedPlansAreAssigned() throws Exception {
        String draft = api.body(api.as(ADMIN, post("/plans"), "{\"name\": \"Draft\", \"registrationType\": \"DISABLED\"}")).get("id").asString();
        api.as(ADMIN, post("/plans/" + draft + "/assignments"), "{\"personIds\": [\"x\"]}").andExpect(status().isConflict());
        api.as(ADMIN, post("/plans/" + draft + "/assignments"), "{}").andExpect(status().isBadRequest());
    }

    // --- helpers --------------------------------------------------------------------------------------

    private String publishedPlan() throws Exception {
        String plan = api.body(api.as(ADMIN, post("/plans"), """
                {"name": "Onboarding %s", "registrationType": "NON_ENFORCED", "dueDate": "2026-12-31"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6))).andExpect(status().isCreated())).get("id").asString();
        api.as(ADMIN, post("/plans/" + plan + "/milestones"), "{\"name\": \"Basics\", \"metric\": \"SESSIONS\", \"unitsRequired\": 2}")
                .andExpect(status().isCreated());
        api.as(ADMIN, post("/plans/" + plan + "/publish")).andExpect(status().isOk());
        return plan;
    }

    /** Plays directory-service: a group with these members, waiting until this service knows them. */
    private UUID group(String... members) {
        UUID group = UUID.randomUUID();
        for (String member : members) {
            membership("added", group, member);
        }
        Awaitility.await().atMost(WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from group_member where group_id = ?", Integer.class, group) == members.length);
        return group;
    }

    private static void membership(String change, UUID group, String person) {
        TestEvents.publish("directory.group-memberships", "directory.group-membership." + change + ".v1", group.toString(), """
                {"groupId": "%s", "groupName": "Group", "personId": "%s", "changedAt": "2026-03-10T09:00:00Z"}"""
                .formatted(group, person));
    }

    private boolean assigned(String plan, String person) {
        return jdbc.queryForObject("select count(*) from assignment where plan_id = ?::uuid and person_id = ?",
                Integer.class, plan, person) == 1;
    }



}
