package org.trainingsuite.learningplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;
import tools.jackson.databind.JsonNode;

/** Plans and milestones on a real PostgreSQL and Kafka broker; catalog programs fed by real events. */
class PlansApiTest extends LearningPlanApiTest {

    @Test
    void autoRegistrationQualifiesOnlyWhereTheLinkedProgramsExactlyMeetTheRequirement() throws Exception {
        List<String> single = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            single.add(program("COURSE", 1, 1).id());
        }
        String multi = program("EVENT", 1, 3).id();
        String creditsOne = program("COURSE", 1, 1).id();
        String creditsTwo = program("ACTIVITY", 2, 0).id();
        String plan = plan("ENFORCED", true, false);
        String sessions = milestone(plan, "SESSIONS", "5");
        String credits = milestone(plan, "CREDITS", "3");
        String elective = milestone(plan, "NONE", "0");

        link(plan, sessions, single.subList(0, 5)).andExpect(status().isOk());
        link(plan, credits, List.of(creditsOne, creditsTwo)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("programIds"));
        link(plan, credits, List.of(creditsOne, single.get(5))).andExpect(status().isOk());
        link(plan, elective, List.of(multi)).andExpect(status().isOk());

        api.as(ADMIN, get("/plans/" + plan + "/auto-registration"))
                .andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.milestones[0].qualifies").value(true))
                .andExpect(jsonPath("$.milestones[1].qualifies").value(false))
                .andExpect(jsonPath("$.milestones[1].reason", containsString("give 2")))
                .andExpect(jsonPath("$.milestones[2].qualifies").value(true));

        api.as(ADMIN, delete("/plans/" + plan + "/milestones/" + credits + "/programs/" + single.get(5))).andExpect(status().isOk());
        link(plan, credits, List.of(program("COURSE", 2, 1).id())).andExpect(status().isOk());
        api.as(ADMIN, get("/plans/" + plan + "/auto-registration"))
                .andExpect(jsonPath("$.available").value(true))
                .andExpect(jsonPath("$.milestones[*].qualifies", hasSize(3)));

        link(plan, sessions, List.of(single.get(5))).andExpect(status().isOk());
        api.as(ADMIN, get("/plans/" + plan + "/auto-registration"))
                .andExpect(jsonPath("$.available").value(false))
                .andExpect(jsonPath("$.milestones[0].qualifies").value(false))
                .andExpect(jsonPath("$.milestones[0].reason", containsString("5 session(s) required but 6")));

        String other = plan("ENFORCED", true, false);
        String withMulti = milestone(other, "SESSIONS", "1");
        link(other, withMulti, List.of(multi)).andExpect(status().isOk());
        api.as(ADMIN, get("/plans/" + other + "/auto-registration"))
                .andExpect(jsonPath("$.milestones[0].qualifies").value(false))
                .andExpect(jsonPath("$.milestones[0].reason", containsString("3 sessions to choose from")));
    }

    @Test
    void registrationSettingsThatContradictEachOtherAreRefused() throws Exception {
        api.as(ADMIN, post("/plans"), "{\"name\": \"P\", \"registrationType\": \"NON_ENFORCED\", \"autoRegister\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("autoRegister"));
        api.as(ADMIN, post("/plans"), "{\"name\": \"P\", \"registrationType\": \"ENFORCED\", \"addToMyLearning\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("addToMyLearning"));
        api.as(ADMIN, post("/plans"), """
                {"name": "P", "registrationType": "DISABLED", "startsAt": "2026-05-01T09:00:00Z", "endsAt": "2026-04-01T09:00:00Z"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        // dates no calendar arithmetic or database can hold are the client's error, named, not a 500 or a 409
        api.as(ADMIN, post("/plans"), """
                {"name": "P", "registrationType": "DISABLED", "startsAt": "-999999999-01-01T00:00:00Z"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        api.as(ADMIN, post("/plans"), "{\"name\": \"P\", \"registrationType\": \"DISABLED\", \"dueDate\": \"-4714-11-23\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        api.as(ADMIN, post("/plans"), "{\"name\": \"P\", \"registrationType\": \"DISABLED\", \"dueDate\": \"2026-13-45\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dueDate"));
        api.as(ADMIN, post("/plans"), "{\"name\": \"P\\u0000\", \"registrationType\": \"DISABLED\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        String plan = plan("NON_ENFORCED", false, true);
        api.as(ADMIN, post("/plans/" + plan + "/milestones"), "{\"name\": \"M\", \"metric\": \"SESSIONS\", \"unitsRequired\": 1.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("unitsRequired"));
        api.as(ADMIN, post("/plans/" + plan + "/publish")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("without a milestone")));
        String unknown = UUID.randomUUID().toString();
        String m = milestone(plan, "SESSIONS", "1");
        link(plan, m, List.of(unknown)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString(unknown)));
        api.as(TestTokens.bearerLearner("someone"), get("/plans/" + plan)).andExpect(status().isForbidden());
    }

    @Test
    void aPlanIsDuplicatedThreeWaysAsADraftWithANewId() throws Exception {
        String first = program("COURSE", 1, 1).id();
        String second = program("COURSE", 1, 1).id();
        String plan = plan("ENFORCED", true, false);
        String m1 = milestone(plan, "SESSIONS", "2");
        milestone(plan, "NONE", "0");
        link(plan, m1, List.of(first, second)).andExpect(status().isOk());
        api.as(ADMIN, post("/plans/" + plan + "/publish")).andExpect(status().isOk());

        JsonNode shell = api.body(api.as(ADMIN, post("/plans/" + plan + "/duplicate"), "{\"mode\": \"SHELL\"}")
                .andExpect(status().isCreated()));
        assertThat(shell.get("id").asString()).isNotEqualTo(plan);
        assertThat(shell.get("status").asString()).isEqualTo("DRAFT");
        assertThat(shell.get("registrationType").asString()).isEqualTo("ENFORCED");
        assertThat(shell.get("milestones")).isEmpty();

        JsonNode withMilestones = api.body(api.as(ADMIN, post("/plans/" + plan + "/duplicate"), "{\"mode\": \"SHELL_AND_MILESTONES\"}"));
        assertThat(withMilestones.get("milestones")).hasSize(2);
        assertThat(withMilestones.get("milestones").get(0).get("programIds")).isEmpty();
        assertThat(withMilestones.get("milestones").get(0).get("milestoneId").asString()).isNotEqualTo(m1);

        JsonNode full = api.body(api.as(ADMIN, post("/plans/" + plan + "/duplicate"), "{\"mode\": \"FULL\"}"));
        assertThat(full.get("milestones").get(0).get("programIds").toString()).contains(first, second);
        assertThat(full.get("status").asString()).isEqualTo("DRAFT");
        assertThat(full.get("name").asString()).startsWith("Copy of");
    }

    @Test
    void programsAreReorderedAndAPublishedPlanAnnouncesEveryChange() throws Exception {
        String a = program("COURSE", 1, 1).id();
        String b = program("COURSE", 1, 1).id();
        String plan = plan("NON_ENFORCED", false, true);
        String m = milestone(plan, "SESSIONS", "2");
        link(plan, m, List.of(a, b)).andExpect(status().isOk());
        try (TopicReader plans = TopicReader.of("learning-plan.plans")) {
            api.as(ADMIN, post("/plans/" + plan + "/publish")).andExpect(status().isOk());
            api.as(ADMIN, put("/plans/" + plan + "/milestones/" + m + "/programs/order"), "{\"ids\": [\"" + b + "\", \"" + a + "\"]}")
                    .andExpect(jsonPath("$.milestones[0].programIds[0]").value(b));
            api.as(ADMIN, put("/plans/" + plan + "/milestones/" + m + "/programs/order"), "{\"ids\": [\"" + b + "\"]}")
                    .andExpect(status().isBadRequest());
            api.as(ADMIN, post("/plans/" + plan + "/archive")).andExpect(status().isOk());
            List<ConsumerRecord<String, String>> events = plans.awaitMatching(r -> plan.equals(r.key()), 3, WAIT);
            events.forEach(EventContracts::assertValid);
            assertThat(events).extracting(r -> EventContracts.header(r, "ce_type")).containsExactly(
                    "learning-plan.plan.published.v1", "learning-plan.plan.updated.v1", "learning-plan.plan.archived.v1");
            JsonNode updated = json.readTree(events.get(1).value());
            assertThat(updated.get("milestones").get(0).get("programIds").get(0).asString()).isEqualTo(b);
            assertThat(updated.get("name").asString()).isNotBlank();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------

    private String plan(String registration, boolean autoRegister, boolean addToMyLearning) throws Exception {
        return api.body(api.as(ADMIN, post("/plans"), """
                {"name": "Plan %s", "registrationType": "%s", "autoRegister": %s, "addToMyLearning": %s,
                 "milestoneOrderEnforced": true, "dueDate": "2026-12-31"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), registration, autoRegister, addToMyLearning))
                .andExpect(status().isCreated())).get("id").asString();
    }

    private String milestone(String plan, String metric, String units) throws Exception {
        return api.body(api.as(ADMIN, post("/plans/" + plan + "/milestones"), """
                {"name": "%s milestone", "metric": "%s", "unitsRequired": %s, "programOrderEnforced": false}"""
                .formatted(metric, metric, units)).andExpect(status().isCreated())).get("milestoneId").asString();
    }

    private ResultActions link(String plan, String milestone, List<String> programs) throws Exception {
        return api.as(ADMIN, post("/plans/" + plan + "/milestones/" + milestone + "/programs"),
                "{\"programIds\": [" + String.join(",", programs.stream().map(p -> "\"" + p + "\"").toList()) + "]}");
    }



}
