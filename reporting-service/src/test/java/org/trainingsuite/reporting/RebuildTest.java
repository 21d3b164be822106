package org.trainingsuite.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.TestTokens;

/** A rebuild from the beginning of the topics gives the same report rows as the live projection. */
class RebuildTest extends ReportingApiTest {

    static final List<String> EXPORTS = List.of("/reports/learning-plan-status?format=json",
            "/reports/people-by-learning-plan?format=json", "/reports/passes?format=json", "/reports/passes/by-type?format=json",
            "/reports/passes/by-account?format=json", "/reports/passes/changes?format=json");

    @Test
    void aRebuildFromTheTopicsEqualsTheLiveReports() throws Exception {
        // some events of its own, so there is something to rebuild whatever ran before
        UUID plan = UUID.randomUUID(), milestone = UUID.randomUUID(), program = UUID.randomUUID();
        String person = "rb-" + UUID.randomUUID().toString().substring(0, 6);
        publish("learning-plan.plans", "learning-plan.plan.published.v1", plan, """
                {"planId": "%s", "name": "Rebuilt", "description": null, "startsAt": null, "endsAt": null, "dueDate": null,
                 "milestoneOrderEnforced": false, "registrationType": "NON_ENFORCED", "autoRegister": false,
                 "addToMyLearning": false, "status": "PUBLISHED", "catalogIds": [], "version": 1, "milestones": [
                  {"milestoneId": "%s", "name": "Only", "metric": "SESSIONS", "unitsRequired": 1, "dueDate": null,
                   "programOrderEnforced": false, "programIds": ["%s"]}]}""".formatted(plan, milestone, program));
        UUID assignment = UUID.randomUUID();
        publish("learning-plan.assignments", "learning-plan.assignment.assigned.v1", assignment, """
                {"assignmentId": "%s", "planId": "%s", "planName": "Rebuilt", "personId": "%s", "via": "PERSON", "groupId": null,
                 "dueDate": null}""".formatted(assignment, plan, person));
        UUID enrollment = UUID.randomUUID();
        publish("catalog.enrollments", "catalog.enrollment.completed.v1", enrollment, """
                {"enrollmentId": "%s", "personId": "%s", "programId": "%s", "programType": "ACTIVITY", "sessionId": null,
                 "source": "DIRECT", "sourceId": null, "status": "COMPLETED", "reason": null, "credits": 1,
                 "completedAt": "2026-06-01T10:00:00Z"}""".formatted(enrollment, person, program));
        awaitReport("/reports/people-by-learning-plan?planId=" + plan,
                r -> r.get("totalItems").asInt() == 1 && r.get("items").get(0).get("unitsEarned").asInt() == 1);
        Awaitility.await().atMost(WAIT).until(() -> report("/reports/passes").get("freshness").get("lag").asLong(-1) == 0);

        List<String> before = snapshot();
        String schemaBefore = liveTables();
        api.as(TestTokens.bearerLearner("x"), post("/admin/rebuild")).andExpect(status().isForbidden());
        long events = api.body(api.as(ADMIN, post("/admin/rebuild")).andExpect(status().isOk())).get("events").asLong();
        assertThat(events).isGreaterThanOrEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(liveTables()).isEqualTo(schemaBefore);
        assertThat(jdbc.queryForObject("select count(*) from pg_namespace where nspname like 'rebuild_%' or nspname like 'retired_%'",
                Integer.class)).isZero();

        // the live projection goes on after the swap
        UUID later = UUID.randomUUID();
        publish("catalog.enrollments", "catalog.enrollment.completed.v1", later, """
                {"enrollmentId": "%s", "personId": "%s", "programId": "%s", "programType": "ACTIVITY", "sessionId": null,
                 "source": "DIRECT", "sourceId": null, "status": "COMPLETED", "reason": null, "credits": 1,
                 "completedAt": "2026-06-02T10:00:00Z"}""".formatted(later, person, program));
        awaitReport("/reports/people-by-learning-plan?planId=" + plan,
                r -> r.get("items").get(0).get("unitsEarned").asInt() == 2);
    }

    private List<String> snapshot() throws Exception {
        List<String> all = new java.util.ArrayList<>();
        for (String export : EXPORTS) {
            all.add(json.readTree(export(export)).toString());
        }
        return all;
    }

    private String liveTables() {
        return String.join(",", jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'live' order by table_name", String.class));
    }
}
