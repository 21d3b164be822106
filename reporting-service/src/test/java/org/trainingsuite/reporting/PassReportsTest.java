package org.trainingsuite.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The pass reports from a realistic sequence, with a renewal before its issue and repeated deliveries. */
class PassReportsTest extends ReportingApiTest {

    @Test
    void passesByTypeStatusAccountExpiryUtilisationAndChangesOverTime() throws Exception {
        UUID type = UUID.randomUUID(), account = UUID.randomUUID();
        String contact = "holder-" + UUID.randomUUID().toString().substring(0, 6);
        publish("directory.accounts", "directory.account.created.v1", account, """
                {"accountId": "%s", "name": "Clinic", "externalRef": null, "version": 0}""".formatted(account));
        publish("training-pass.pass-types", "training-pass.pass-type.published.v1", type, """
                {"passTypeId": "%s", "code": "ANNUAL", "name": "Annual pass", "description": null, "itemIds": [],
                 "options": [{"optionId": "%s", "name": "12 months", "periodValue": 12, "periodUnit": "MONTHS",
                              "status": "PUBLISHED", "prices": []}]}"""
                .formatted(type, UUID.randomUUID()));
        UUID x = UUID.randomUUID(), y = UUID.randomUUID(), z = UUID.randomUUID();
        pass("renewed", x, type, account, contact, 2, "ACTIVE", "2027-07-01"); // before its issue
        pass("issued", x, type, account, contact, 1, "ACTIVE", "2026-07-01");
        pass("issued", y, type, account, contact, 1, "ACTIVE", "2026-06-20");
        pass("issued", z, type, account, contact, 1, "ACTIVE", "2026-09-01");
        String cancelled = pass("cancelled", z, type, account, contact, 2, "CANCELLED", "2026-09-01");
        again("training-pass.passes", cancelled, "training-pass.pass.cancelled.v1", z, body(z, type, account, contact, 2,
                "CANCELLED", "2026-09-01", null));
        UUID e1 = UUID.randomUUID(), e2 = UUID.randomUUID(), e3 = UUID.randomUUID();
        enrollment("enrolled", e1, x, contact);
        enrollment("enrolled", e2, x, contact);
        enrollment("completed", e2, x, contact);
        enrollment("revoked", e3, x, contact); // before its enrollment
        enrollment("enrolled", e3, x, contact);

        String passes = "/reports/passes?accountId=" + account;
        JsonNode all = awaitReport(passes, r -> r.get("totalItems").asInt() == 3
                && "CANCELLED".equals(find(r, z).get("status").asString()) && find(r, x).get("enrollments").asInt() == 3);
        {
            JsonNode r = find(all, x);
            assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(r.get("expiresOn").asString()).isEqualTo("2027-07-01");
            assertThat(r.get("renewals").asInt()).isEqualTo(1);
            assertThat(r.get("passType").asString()).isEqualTo("Annual pass");
            assertThat(r.get("accountName").asString()).isEqualTo("Clinic");
        }
        assertThat(find(all, y).get("daysLeft").asInt()).isEqualTo(5);
        JsonNode expiring = report(passes + "&expiringWithinDays=10");
        assertThat(expiring.get("totalItems").asInt()).isEqualTo(1);
        assertThat(expiring.get("items").get(0).get("passId").asString()).isEqualTo(y.toString());
        assertThat(report(passes + "&status=ACTIVE&sort=expiresOn,desc").get("items").get(0).get("passId").asString())
                .isEqualTo(x.toString());

        JsonNode byType = report("/reports/passes/by-type?passTypeId=" + type).get("items");
        assertThat(byType).hasSize(2);
        assertThat(byType.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(byType.get(0).get("passes").asInt()).isEqualTo(2);
        assertThat(byType.get(1).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(byType.get(1).get("passes").asInt()).isEqualTo(1);

        JsonNode byAccount = report("/reports/passes/by-account?accountId=" + account).get("items").get(0);
        assertThat(byAccount.get("active").asInt()).isEqualTo(2);
        assertThat(byAccount.get("cancelled").asInt()).isEqualTo(1);
        assertThat(byAccount.get("total").asInt()).isEqualTo(3);
        assertThat(byAccount.get("enrollments").asInt()).isEqualTo(3);

        String month = YearMonth.now(ZoneOffset.UTC).toString(); // events are stamped when published
        JsonNode changes = report("/reports/passes/changes?passTypeId=" + type + "&fromMonth=" + month).get("items").get(0);
        assertThat(changes.get("month").asString()).isEqualTo(month);
        assertThat(changes.get("issued").asInt()).isEqualTo(3);
        assertThat(changes.get("renewed").asInt()).isEqualTo(1);
        assertThat(changes.get("cancelled").asInt()).as("delivered twice, counted once").isEqualTo(1);

        String csv = export("/reports/passes/by-type?passTypeId=" + type + "&format=csv");
        assertThat(csv).isEqualTo("passTypeId,passType,status,passes,accounts\r\n" + type + ",Annual pass,ACTIVE,2,1\r\n"
                + type + ",Annual pass,CANCELLED,1,1\r\n");
    }

    private static JsonNode find(JsonNode page, UUID pass) {
        for (JsonNode r : page.get("items")) {
            if (r.get("passId").asString().equals(pass.toString())) {
                return r;
            }
        }
        throw new AssertionError("no pass " + pass + " in " + page);
    }

    private static String pass(String verb, UUID pass, UUID type, UUID account, String contact, int version, String status,
            String expires) {
        return publish("training-pass.passes", "training-pass.pass." + verb + ".v1", pass,
                body(pass, type, account, contact, version, status, expires, "renewed".equals(verb) ? "2026-07-01" : null));
    }

    private static String body(UUID pass, UUID type, UUID account, String contact, int version, String status, String expires,
            String previousExpires) {
        return """
                {"passId": "%s", "passTypeId": "%s", "passTypeCode": "ANNUAL", "passTypeName": "Annual pass", "optionId": "%s",
                 "optionName": "12 months", "accountId": "%s", "contactId": "%s", "status": "%s", "issuedOn": "2026-01-01",
                 "expiresOn": "%s", "orderId": null, "opportunityRef": null, "interestRef": null, "previousExpiresOn": %s,
                 "previousContactId": null, "reason": null, "version": %d}"""
                .formatted(pass, type, UUID.randomUUID(), account, contact, status, expires,
                        previousExpires == null ? "null" : "\"" + previousExpires + "\"", version);
    }

    private static void enrollment(String verb, UUID enrollment, UUID pass, String person) {
        publish("catalog.enrollments", "catalog.enrollment." + verb + ".v1", enrollment, """
                {"enrollmentId": "%s", "personId": "%s", "programId": "%s", "programType": "ACTIVITY", "sessionId": null,
                 "source": "TRAINING_PASS", "sourceId": "%s", "status": "%s", "reason": %s, "credits": 1,
                 "completedAt": %s}""".formatted(enrollment, person, UUID.randomUUID(), pass, verb.toUpperCase(),
                "revoked".equals(verb) ? "\"the pass was cancelled\"" : "null",
                "completed".equals(verb) ? "\"2026-06-01T10:00:00Z\"" : "null"));
    }
}
