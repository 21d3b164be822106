package org.trainingsuite.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The two learning plan reports from a realistic sequence: group assignment, self-registration, completions
 * (one before its assignment), a waiver, an adjustment, a plan completion delivered twice, an outdated
 * registration event arriving late.
 */
class PlanReportsTest extends ReportingApiTest {

    @Test
    void statusHighlightsAndPeopleByPlanFollowTheEventsWhateverTheirOrder() throws Exception {
        UUID account = UUID.randomUUID(), group = UUID.randomUUID(), plan = UUID.randomUUID();
        UUID m1 = UUID.randomUUID(), m2 = UUID.randomUUID(), m3 = UUID.randomUUID();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID(), e = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String p1 = "ann-" + tag, p2 = "bob-" + tag, p3 = "cy-" + tag;
        for (String p : List.of(p1, p2, p3)) {
            publish("directory.people", "directory.person.created.v1", p, """
                    {"personId": "%s", "name": "Name %s", "email": "%s@example.org", "accountId": %s, "version": 0}"""
                    .formatted(p, p, p, p.equals(p3) ? "null" : "\"" + account + "\""));
        }
        for (String p : List.of(p1, p2)) {
            publish("directory.group-memberships", "directory.group-membership.added.v1", group, """
                    {"groupId": "%s", "groupName": "Nurses", "personId": "%s", "changedAt": "2026-05-01T09:00:00Z"}"""
                    .formatted(group, p));
        }
        // a completion before anything else about the plan
        completed(p1, a, 1);
        publish("learning-plan.plans", "learning-plan.plan.published.v1", plan, """
                {"planId": "%s", "name": "Onboarding %s", "description": null, "startsAt": null, "endsAt": null,
                 "dueDate": "2026-06-30", "milestoneOrderEnforced": false, "registrationType": "ENFORCED", "autoRegister": false,
                 "addToMyLearning": false, "status": "PUBLISHED", "catalogIds": [], "version": 1, "milestones": [
                  {"milestoneId": "%s", "name": "Basics", "metric": "SESSIONS", "unitsRequired": 2, "dueDate": "2026-06-10",
                   "programOrderEnforced": false, "programIds": ["%s", "%s", "%s"]},
                  {"milestoneId": "%s", "name": "Credits", "metric": "CREDITS", "unitsRequired": 3, "dueDate": null,
                   "programOrderEnforced": false, "programIds": ["%s", "%s"]},
                  {"milestoneId": "%s", "name": "Electives", "metric": "NONE", "unitsRequired": 0, "dueDate": null,
                   "programOrderEnforced": false, "programIds": ["%s"]}]}"""
                .formatted(plan, tag, m1, a, b, c, m2, d, e, m3, a));
        UUID as1 = assigned(plan, p1, "GROUP", group, "2026-06-30");
        UUID as2 = assigned(plan, p2, "GROUP", group, "2026-06-01");
        completed(p1, b, 1);
        milestoneCompleted(as1, plan, p1, m1, false);
        milestoneStatus(as1, plan, p1, m2, "WAIVED", null, null);
        milestoneCompleted(as1, plan, p1, m2, true);
        String done = """
                {"assignmentId": "%s", "planId": "%s", "personId": "%s", "completedAt": "2026-06-12T10:00:00Z"}"""
                .formatted(as1, plan, p1);
        String doneId = publish("learning-plan.assignments", "learning-plan.assignment.plan-completed.v1", as1, done);
        again("learning-plan.assignments", doneId, "learning-plan.assignment.plan-completed.v1", as1, done);
        milestoneStatus(as2, plan, p2, m1, "ADJUSTED", 1, "one is enough");
        completed(p2, d, 2);
        UUID registration = UUID.randomUUID();
        publish("learning-plan.assignments", "learning-plan.assignment.registered.v1", registration, """
                {"registrationId": "%s", "planId": "%s", "planName": "Onboarding", "personId": "%s", "registrationType": "ENFORCED",
                 "milestones": [], "registeredAt": "2026-06-10T10:00:00Z"}""".formatted(registration, plan, p3));
        publish("learning-plan.assignments", "learning-plan.assignment.registration-started.v1", registration, """
                {"registrationId": "%s", "planId": "%s", "planName": "Onboarding", "personId": "%s", "how": "WORKFLOW",
                 "startedAt": "2026-06-09T10:00:00Z"}""".formatted(registration, plan, p3)); // older, and late

        String status = "/reports/learning-plan-status?planId=" + plan;
        JsonNode rows = awaitReport(status, r -> r.get("totalItems").asInt() == 3
                && "COMPLETED".equals(r.get("items").get(0).get("status").asString())
                && "REGISTERED".equals(r.get("items").get(2).get("registration").asString())
                && "OVERDUE".equals(r.get("items").get(1).get("status").asString())).get("items");
        assertThat(rows.get(0).get("personId").asString()).isEqualTo(p1);
        assertThat(rows.get(0).get("assignedHow").asString()).isEqualTo("GROUP");
        assertThat(rows.get(0).get("waivedParts").asBoolean()).isTrue();
        assertThat(rows.get(0).get("percentComplete").asInt()).isEqualTo(100);
        assertThat(rows.get(0).get("completedAt").asString()).isEqualTo("2026-06-12T10:00:00Z");
        assertThat(rows.get(1).get("personId").asString()).isEqualTo(p2);
        assertThat(rows.get(1).get("dueDate").asString()).isEqualTo("2026-06-01");
        assertThat(rows.get(1).get("percentComplete").asInt()).isZero();
        assertThat(rows.get(2).get("personId").asString()).isEqualTo(p3);
        assertThat(rows.get(2).get("assignedHow").asString()).isEqualTo("SELF");
        assertThat(rows.get(2).get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(rows.get(2).get("dueDate").asString()).isEqualTo("2026-06-30");

        // filters and sorting
        assertThat(names(report(status + "&groupId=" + group))).containsExactly(p1, p2);
        assertThat(names(report(status + "&accountId=" + account + "&status=OVERDUE"))).containsExactly(p2);
        assertThat(names(report(status + "&sort=percentComplete,desc"))).containsExactly(p1, p2, p3);
        assertThat(names(report(status + "&assignedHow=SELF"))).containsExactly(p3);
        assertThat(names(report(status + "&dueFrom=2026-06-02"))).containsExactly(p1, p3);
        assertThat(report(status + "&size=2&page=1").get("items")).hasSize(1);
        assertThat(report(status).get("freshness").get("newestEventAt").isNull()).isFalse();

        // People by Learning Plan: one row per person and milestone
        JsonNode people = awaitReport("/reports/people-by-learning-plan?planId=" + plan,
                r -> r.get("totalItems").asInt() == 9 && r.get("items").get(4).get("unitsEarned").asInt() == 2).get("items");
        {
            JsonNode r = row(people, p1, "Basics");
            assertThat(r.get("milestoneStatus").asString()).isEqualTo("COMPLETED");
            assertThat(r.get("unitsEarned").asInt()).isEqualTo(2);
            assertThat(r.get("unitsRequired").asInt()).isEqualTo(2);
        }
        assertThat(row(people, p1, "Credits").get("milestoneStatus").asString()).isEqualTo("WAIVED");
        assertThat(row(people, p1, "Electives").get("milestoneStatus").asString()).isEqualTo("ELECTIVE");
        {
            JsonNode r = row(people, p2, "Basics");
            assertThat(r.get("milestoneStatus").asString()).isEqualTo("NOT_STARTED");
            assertThat(r.get("unitsRequired").asInt()).isEqualTo(1);
            assertThat(r.get("adjusted").asBoolean()).isTrue();
            assertThat(r.get("notes").asString()).isEqualTo("one is enough");
            assertThat(r.get("dueDate").asString()).isEqualTo("2026-06-10");
        }
        {
            JsonNode r = row(people, p2, "Credits");
            assertThat(r.get("milestoneStatus").asString()).isEqualTo("IN_PROGRESS");
            assertThat(r.get("unitsEarned").asInt()).isEqualTo(2);
            assertThat(r.get("unitsRequired").asInt()).isEqualTo(3);
        }
        assertThat(row(people, p3, "Basics").get("milestoneStatus").asString()).isEqualTo("NOT_STARTED");

        String csv = export(status + "&format=csv");
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).startsWith("planId,planName,personId,personName,assignedHow,registration,status,waivedParts,"
                + "percentComplete,dueDate,completedAt\r\n");
        assertThat(csv).contains(plan + ",Onboarding " + tag + "," + p2 + ",Name " + p2 + ",GROUP,NONE,OVERDUE,false,0,2026-06-01,\r\n");
        JsonNode all = json.readTree(export("/reports/people-by-learning-plan?planId=" + plan + "&format=json"));
        assertThat(all).hasSize(9);

        api.as(ADMIN, get(status + "&status=LOST")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").exists());
        api.as(ADMIN, get(status + "&sort=colour")).andExpect(status().isBadRequest());
        api.as(ADMIN, get(status + "&format=xml")).andExpect(status().isBadRequest());
        api.as(ADMIN, get(status + "&dueFrom=2026-06-10&dueTo=2026-06-01")).andExpect(status().isBadRequest());
        api.as(TestTokens.bearerLearner(p1), get(status)).andExpect(status().isForbidden());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(r -> names.add(r.get("personId").asString()));
        return names;
    }

    private static JsonNode row(JsonNode rows, String person, String milestone) {
        for (JsonNode r : rows) {
            if (r.get("personId").asString().equals(person) && r.get("milestoneName").asString().equals(milestone)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + person + " / " + milestone + " in " + rows);
    }

    private static UUID assigned(UUID plan, String person, String via, UUID group, String due) {
        UUID id = UUID.randomUUID();
        publish("learning-plan.assignments", "learning-plan.assignment.assigned.v1", id, """
                {"assignmentId": "%s", "planId": "%s", "planName": "Onboarding", "personId": "%s", "via": "%s", "groupId": "%s",
                 "dueDate": "%s"}""".formatted(id, plan, person, via, group, due));
        return id;
    }

    private static void completed(String person, UUID program, int credits) {
        UUID enrollment = UUID.randomUUID();
        publish("catalog.enrollments", "catalog.enrollment.completed.v1", enrollment, """
                {"enrollmentId": "%s", "personId": "%s", "programId": "%s", "programType": "COURSE", "sessionId": null,
                 "source": "DIRECT", "sourceId": null, "status": "COMPLETED", "reason": null, "credits": %d,
                 "completedAt": "2026-06-05T10:00:00Z"}""".formatted(enrollment, person, program, credits));
    }

    private static void milestoneCompleted(UUID assignment, UUID plan, String person, UUID milestone, boolean waived) {
        publish("learning-plan.assignments", "learning-plan.assignment.milestone-completed.v1", assignment, """
                {"assignmentId": "%s", "planId": "%s", "personId": "%s", "milestoneId": "%s", "metric": "SESSIONS",
                 "unitsRequired": 2, "unitsEarned": 2, "waived": %s, "completedAt": "2026-06-11T10:00:00Z"}"""
                .formatted(assignment, plan, person, milestone, waived));
    }

    private static void milestoneStatus(UUID assignment, UUID plan, String person, UUID milestone, String status, Integer units,
            String notes) {
        publish("learning-plan.assignments", "learning-plan.assignment.milestone-status-changed.v1", assignment, """
                {"assignmentId": "%s", "planId": "%s", "personId": "%s", "milestoneId": "%s", "status": "%s",
                 "unitsRequired": %s, "dueDate": null, "notes": %s}""".formatted(assignment, plan, person, milestone, status,
                units == null ? "null" : units, notes == null ? "null" : "\"" + notes + "\""));
    }
}
