package org.trainingsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.TestEvents;

/** Learning plan triggers: assignment, registration summary, deadlines with overdue repeats, overrides, manual sends. */
class PlanNotificationsTest extends NotificationApiTest {

    @Test
    void assignmentAndRegistrationMessagesCarryThePlanAndWhatWasEnrolledPerMilestone() throws Exception {
        UUID plan = UUID.randomUUID();
        String learner = person("lp", null);
        trigger(template("You are assigned {{plan.name}}", "Complete {{plan.name}} by {{plan.dueDate}}: {{links.myPlans}}"), """
                "target": "LEARNING_PLAN", "event": "ASSIGNED", "planIds": ["%s"]""".formatted(plan));
        trigger(template("Registered in {{plan.name}}",
                "{{#milestones}}{{name}}:{{#enrollments}} {{title}} ({{sessionStartsAt}}){{/enrollments}}\n{{/milestones}}"), """
                "target": "LEARNING_PLAN", "event": "REGISTERED", "planIds": ["%s"]""".formatted(plan));
        UUID assignment = assigned(plan, learner, today.plusDays(60), null);
        UUID registration = UUID.randomUUID();
        String registered = """
                {"registrationId": "%s", "planId": "%s", "planName": "Onboarding", "personId": "%s", "registrationType": "ENFORCED",
                 "milestones": [
                   {"milestoneId": "%s", "name": "Basics", "enrollments": [
                     {"programId": "%s", "title": "Safety 101", "sessionId": "%s", "sessionStartsAt": "2026-04-01T09:00:00Z",
                      "enrollmentId": "%s", "madeByPlan": true},
                     {"programId": "%s", "title": "First aid", "sessionId": null, "sessionStartsAt": null,
                      "enrollmentId": "%s", "madeByPlan": false}]},
                   {"milestoneId": "%s", "name": "Electives", "enrollments": []}],
                 "registeredAt": "%s"}""".formatted(registration, plan, learner, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), clock.instant());
        String eventId = TestEvents.publish("learning-plan.assignments", "learning-plan.assignment.registered.v1",
                registration.toString(), registered);
        TestEvents.publish("learning-plan.assignments", eventId, "learning-plan.assignment.registered.v1",
                registration.toString(), registered); // delivered twice
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from message where subject_person = ?", learner) == 2);
        sender.sendDue();

        List<TestSmtp.Mail> mails = TestSmtp.to(learner + "@example.org");
        assertThat(mails).extracting(TestSmtp.Mail::subject)
                .containsExactlyInAnyOrder("You are assigned Onboarding", "Registered in Onboarding");
        assertThat(mails).filteredOn(m -> m.subject().startsWith("You are")).singleElement()
                .satisfies(m -> assertThat(m.body()).contains("by " + today.plusDays(60)));
        assertThat(mails).filteredOn(m -> m.subject().startsWith("Registered")).singleElement().satisfies(m -> assertThat(m.body())
                .contains("Basics: Safety 101 (2026-04-01T09:00:00Z) First aid ()").contains("Electives:"));
        assertThat(assignment).isNotNull();
    }

    @Test
    void deadlineRemindersRepeatWhileOverdueFollowAPersonalDueDateAndStopWhenThePlanIsCompleted() throws Exception {
        UUID plan = UUID.randomUUID();
        String learner = person("dl", null);
        LocalDate due = today.plusDays(10);
        String deadline = trigger(template("{{plan.name}} is due on {{plan.dueDate}}", "{{milestone.dueDate}}"), """
                "target": "LEARNING_PLAN", "event": "DEADLINE", "offsetsDays": [-7], "repeatEveryDays": 7, "repeatMax": 2,
                "planIds": ["%s"]""".formatted(plan));
        UUID assignment = assigned(plan, learner, due, null);
        Awaitility.await().atMost(WAIT).until(() -> states(deadline).size() == 3);
        assertThat(states(deadline)).containsExactly("QUEUED " + due.minusDays(7), "QUEUED " + due.plusDays(7),
                "QUEUED " + due.plusDays(14));

        // a personal due date on one milestone gets its own reminder, and moves with it
        UUID milestone = UUID.randomUUID();
        milestoneStatus(assignment, plan, learner, milestone, "ADJUSTED", due.plusDays(20));
        Awaitility.await().atMost(WAIT).until(() -> states(deadline).contains("QUEUED " + due.plusDays(13)));
        milestoneStatus(assignment, plan, learner, milestone, "ADJUSTED", due.plusDays(30));
        Awaitility.await().atMost(WAIT).until(() -> states(deadline).contains("QUEUED " + due.plusDays(23))
                && !states(deadline).contains("QUEUED " + due.plusDays(13)));

        clock.set(due.minusDays(7).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
        sender.sendDue();
        assertThat(TestSmtp.to(learner + "@example.org")).extracting(TestSmtp.Mail::subject)
                .containsExactly("Onboarding is due on " + due);

        TestEvents.publish("learning-plan.assignments", "learning-plan.assignment.plan-completed.v1", assignment.toString(), """
                {"assignmentId": "%s", "planId": "%s", "personId": "%s", "completedAt": "%s"}"""
                .formatted(assignment, plan, learner, clock.instant()));
        Awaitility.await().atMost(WAIT).until(() -> count(
                "select count(*) from message where trigger_id = ?::uuid and state = 'QUEUED'", deadline) == 0);
        clock.set(due.plusDays(40).atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
        sender.sendDue();
        assertThat(TestSmtp.to(learner + "@example.org")).hasSize(1);
    }

    @Test
    void anAdminSendsAManualAssignmentMessageToChosenPeopleOnce() throws Exception {
        UUID plan = UUID.randomUUID();
        String one = person("m1", null), two = person("m2", null);
        String manual = trigger(template("Reminder: {{plan.name}}", "Please start."), """
                "target": "LEARNING_PLAN", "event": "ASSIGNED", "automated": false, "planIds": ["%s"]""".formatted(plan));
        assigned(plan, one, null, null);
        assigned(plan, two, null, null);
        assertThat(count("select count(*) from message where trigger_id = ?::uuid", manual)).as("not automated").isZero();
        api.as(ADMIN, post("/triggers/" + manual + "/send"), """
                {"planId": "%s", "personIds": ["%s", "nobody"]}""".formatted(plan, one))
                .andExpect(status().isOk()).andExpect(jsonPath("$.queued").value(1)).andExpect(jsonPath("$.unknown[0]").value("nobody"));
        api.as(ADMIN, post("/triggers/" + manual + "/send"), """
                {"planId": "%s", "personIds": ["%s"]}""".formatted(plan, one)).andExpect(jsonPath("$.queued").value(0));
        api.as(ADMIN, post("/triggers/" + manual + "/send"), "{\"passIds\": []}").andExpect(status().isBadRequest());
        sender.sendDue();
        assertThat(TestSmtp.to(one + "@example.org")).hasSize(1);
        assertThat(TestSmtp.to(two + "@example.org")).isEmpty();
    }

    /** Plays learning-plan-service: an assignment; returns once it is known here. */
    private UUID assigned(UUID plan, String person, LocalDate due, UUID group) {
        UUID assignment = UUID.randomUUID();
        TestEvents.publish("learning-plan.assignments", "learning-plan.assignment.assigned.v1", assignment.toString(), """
                {"assignmentId": "%s", "planId": "%s", "planName": "Onboarding", "personId": "%s", "via": "PERSON",
                 "groupId": %s, "dueDate": %s}""".formatted(assignment, plan, person, group == null ? "null" : "\"" + group + "\"",
                due == null ? "null" : "\"" + due + "\""));
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from assignment_state where id = ?", assignment) == 1);
        return assignment;
    }

    private static void milestoneStatus(UUID assignment, UUID plan, String person, UUID milestone, String status, LocalDate due) {
        TestEvents.publish("learning-plan.assignments", "learning-plan.assignment.milestone-status-changed.v1", assignment.toString(), """
                {"assignmentId": "%s", "planId": "%s", "personId": "%s", "milestoneId": "%s", "status": "%s",
                 "unitsRequired": null, "dueDate": "%s", "notes": null}""".formatted(assignment, plan, person, milestone, status, due));
    }
}
