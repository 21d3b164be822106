package org.trainingsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;

/** Pass triggers against real PostgreSQL, Kafka and SMTP: expiry reminders, extension, renewal, cancellation. */
class PassNotificationsTest extends NotificationApiTest {

    @Test
    void anExpiryReminderFiresOnItsDayMovesWithAnExtensionAndGoesWithACancellation() throws Exception {
        UUID annual = UUID.randomUUID(), monthly = UUID.randomUUID(), account = UUID.randomUUID();
        String holder = person("holder", account);
        String template = template("Your {{pass.type}} expires on {{pass.expiresOn}}",
                "Dear {{person.name}},\nyour {{pass.type}} ({{pass.option}}) expires on {{pass.expiresOn}}.\n{{links.myPasses}}");
        String trigger = trigger(template, """
                "target": "TRAINING_PASS", "event": "EXPIRED", "offsetsDays": [-30], "passTypeIds": ["%s"]""".formatted(annual));
        UUID pass = UUID.randomUUID();
        LocalDate expires = today.plusDays(90);
        pass("issued", pass, annual, holder, account, 1, expires, "ACTIVE", null);
        pass("issued", UUID.randomUUID(), monthly, holder, account, 1, expires, "ACTIVE", null); // not an annual pass
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from pass_state where id = ?", pass) == 1);
        assertThat(states(trigger)).containsExactly("QUEUED " + expires.minusDays(30));

        clock.set(atNine(expires.minusDays(31)));
        sender.sendDue();
        assertThat(TestSmtp.to(holder + "@example.org")).as("not before its day").isEmpty();

        // extended: the reminder moves; the extension itself sends nothing
        LocalDate extended = expires.plusDays(30);
        String extension = pass("extended", pass, annual, holder, account, 2, extended, "ACTIVE", null);
        Awaitility.await().atMost(WAIT).until(() -> states(trigger).equals(List.of("QUEUED " + extended.minusDays(30))));
        pass("extended", pass, annual, holder, account, 2, extended, "ACTIVE", extension); // redelivered
        pass("issued", pass, annual, holder, account, 1, expires, "ACTIVE", null);          // late and outdated
        clock.set(atNine(expires.minusDays(30)));
        sender.sendDue();
        assertThat(TestSmtp.to(holder + "@example.org")).as("the old day passes quietly").isEmpty();

        try (TopicReader deliveries = TopicReader.of("notification.deliveries")) {
            clock.set(atNine(extended.minusDays(30)));
            sender.sendDue();
            sender.sendDue();
            List<TestSmtp.Mail> mails = TestSmtp.to(holder + "@example.org");
            assertThat(mails).hasSize(1);
            assertThat(mails.getFirst().subject()).isEqualTo("Your Annual pass expires on " + extended);
            assertThat(mails.getFirst().from()).isEqualTo("training@example.org");
            assertThat(mails.getFirst().body()).contains("Dear Pat holder").contains("(12 months)");
            ConsumerRecord<String, String> sent = deliveries.awaitRecord(r -> r.value().contains(holder), WAIT);
            EventContracts.assertValid(sent);
            assertThat(EventContracts.header(sent, "ce_type")).isEqualTo("notification.delivery.sent.v1");
        }
        api.as(TestTokens.bearerLearner(holder), get("/me/notifications"))
                .andExpect(jsonPath("$.items[0].subject").value("Your Annual pass expires on " + extended))
                .andExpect(jsonPath("$.items[0].body", containsString("expires on " + extended)));
        api.as(ADMIN, get("/messages?personId=" + holder + "&state=SENT")).andExpect(jsonPath("$.totalItems").value(1));

        // another pass, cancelled: its reminder goes with it
        UUID cancelled = UUID.randomUUID();
        String other = person("other", account);
        pass("issued", cancelled, annual, other, account, 1, expires.plusDays(60), "ACTIVE", null);
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from message where pass_id = ? and state = 'QUEUED'",
                cancelled) == 1);
        pass("cancelled", cancelled, annual, other, account, 2, expires.plusDays(60), "CANCELLED", null);
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from message where pass_id = ? and state = 'CANCELLED'",
                cancelled) == 1);
        clock.set(atNine(expires.plusDays(30)));
        sender.sendDue();
        assertThat(TestSmtp.to(other + "@example.org")).isEmpty();
        String message = jdbc.queryForObject("select id::text from message where pass_id = ?", String.class, cancelled);
        api.as(ADMIN, get("/messages/" + message)).andExpect(jsonPath("$.history[0].what").value("QUEUED"))
                .andExpect(jsonPath("$.history[1].what").value("CANCELLED"))
                .andExpect(jsonPath("$.history[1].detail").value("the pass was cancelled"));
    }

    @Test
    void aRenewalSendsTheRenewalMessageAndTheNewTermGetsItsOwnExpiryReminder() throws Exception {
        UUID type = UUID.randomUUID(), account = UUID.randomUUID();
        String holder = person("renew", account);
        String contact = person("contact", account);
        String renewal = trigger(template("Renewed: {{pass.type}}", "Now valid until {{pass.expiresOn}} (was {{pass.previousExpiresOn}})"),
                """
                "target": "TRAINING_PASS", "event": "RENEWED", "passTypeIds": ["%s"], "audienceAccountContacts": true,
                "extraAddresses": ["office@example.org"]""".formatted(type));
        String expiry = trigger(template("Expiring", "{{pass.expiresOn}}"), """
                "target": "TRAINING_PASS", "event": "EXPIRED", "offsetsDays": [-7, 1], "passTypeIds": ["%s"]""".formatted(type));
        UUID pass = UUID.randomUUID();
        pass("issued", pass, type, holder, account, 1, today.plusDays(20), "ACTIVE", null);
        Awaitility.await().atMost(WAIT).until(() -> states(expiry).size() == 2);
        pass("renewed", pass, type, holder, account, 2, today.plusDays(385), "ACTIVE", null);
        Awaitility.await().atMost(WAIT).until(() -> states(renewal).size() == 3);
        assertThat(states(expiry)).containsExactly("CANCELLED " + today.plusDays(13), "CANCELLED " + today.plusDays(21),
                "QUEUED " + today.plusDays(378), "QUEUED " + today.plusDays(386));

        sender.sendDue();
        for (String to : List.of(holder + "@example.org", contact + "@example.org", "office@example.org")) {
            assertThat(TestSmtp.to(to)).as(to).singleElement().satisfies(m -> {
                assertThat(m.subject()).isEqualTo("Renewed: Annual pass");
                assertThat(m.body()).contains("Now valid until " + today.plusDays(385));
            });
        }
    }

    @Test
    void aMessageThatCannotBeDeliveredIsRetriedWithBackoffThenFailedWithItsReason() throws Exception {
        UUID type = UUID.randomUUID();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8); // directory never told us their address
        String trigger = trigger(template("Issued", "{{pass.type}}"), """
                "target": "TRAINING_PASS", "event": "ISSUED", "passTypeIds": ["%s"]""".formatted(type));
        pass("issued", UUID.randomUUID(), type, unknown, UUID.randomUUID(), 1, today.plusDays(100), "ACTIVE", null);
        Awaitility.await().atMost(WAIT).until(() -> states(trigger).size() == 1);
        try (TopicReader deliveries = TopicReader.of("notification.deliveries")) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                sender.sendDue();
                clock.advance(java.time.Duration.ofHours(7)); // past the longest backoff
            }
            ConsumerRecord<String, String> failed = deliveries.awaitRecord(r -> r.value().contains(unknown), WAIT);
            EventContracts.assertValid(failed);
            assertThat(EventContracts.header(failed, "ce_type")).isEqualTo("notification.delivery.failed.v1");
        }
        assertThat(jdbc.queryForMap("select state, attempts, last_error from message where trigger_id = ?::uuid", trigger))
                .containsEntry("state", "FAILED").containsEntry("attempts", 5)
                .containsEntry("last_error", "no email address known for person " + unknown);
        String message = jdbc.queryForObject("select id::text from message where trigger_id = ?::uuid", String.class, trigger);
        api.as(ADMIN, get("/messages/" + message)).andExpect(jsonPath("$.history.length()").value(6))
                .andExpect(jsonPath("$.history[1].what").value("RETRIED"))
                .andExpect(jsonPath("$.history[5].what").value("FAILED"));
        api.as(ADMIN, get("/messages?triggerId=" + trigger + "&state=FAILED")).andExpect(jsonPath("$.totalItems").value(1));
        api.as(ADMIN, get("/messages?state=LOST")).andExpect(status().isBadRequest());
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedWhenSaved() throws Exception {
        api.as(ADMIN, post("/templates"), """
                {"name": "Bad", "subject": "Hello", "body": "Your {{pass.colour}} pass"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message", containsString("colour")));
        api.as(ADMIN, post("/templates"), """
                {"name": "Bad section", "subject": "{{#milestones}}{{title}}{{/milestones}}", "body": "x"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("subject"));
        api.as(ADMIN, post("/templates"), """
                {"name": "Unclosed", "subject": "Hi", "body": "{{#milestones}}"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        api.as(ADMIN, post("/templates"), """
                {"name": "Partial", "subject": "Hi", "body": "{{> header}} Welcome"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message", containsString("partials")));
        String template = template("Hi {{person.name}}", "{{#milestones}}{{name}}: {{#enrollments}}{{title}}{{/enrollments}}{{/milestones}}");
        api.as(ADMIN, post("/triggers"), """
                {"name": "Wrong", "abbreviation": "W1", "templateId": "%s", "fromAddress": "a@example.org",
                 "target": "TRAINING_PASS", "event": "DEADLINE"}""".formatted(template))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("event"));
        api.as(ADMIN, post("/triggers"), """
                {"name": "Wrong", "abbreviation": "W2", "templateId": "%s", "fromAddress": "not an address",
                 "target": "TRAINING_PASS", "event": "ISSUED"}""".formatted(template))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fromAddress"));
        api.as(TestTokens.bearerLearner("x"), get("/templates")).andExpect(status().isForbidden());
    }

    /** Plays training-pass-service; returns the event id. */
    private static String pass(String verb, UUID pass, UUID type, String contact, UUID account, long version, LocalDate expires,
            String status, String eventId) {
        String body = """
                {"passId": "%s", "passTypeId": "%s", "passTypeCode": "ANNUAL", "passTypeName": "Annual pass",
                 "optionId": "%s", "optionName": "12 months", "accountId": "%s", "contactId": "%s", "status": "%s",
                 "issuedOn": "%s", "expiresOn": "%s", "orderId": null, "opportunityRef": null, "interestRef": null,
                 "previousExpiresOn": "2026-01-31", "previousContactId": null, "reason": null, "version": %d}"""
                .formatted(pass, type, UUID.randomUUID(), account, contact, status, LocalDate.now(java.time.ZoneOffset.UTC), expires,
                        version);
        String type1 = "training-pass.pass." + verb + ".v1";
        return eventId == null ? TestEvents.publish("training-pass.passes", type1, pass.toString(), body)
                : TestEvents.publish("training-pass.passes", eventId, type1, pass.toString(), body);
    }

    private static java.time.Instant atNine(LocalDate day) {
        return day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
    }
}
