package org.trainingsuite.catalog;

import java.util.List;
import java.util.UUID;
import org.trainingsuite.platform.test.TestEvents;

/** Plays training-pass-service: publishes real pass-type and pass events, shaped as it emits them. */
final class PassEvents {

    private PassEvents() {
    }

    static UUID passTypePublished(String... itemIds) {
        UUID id = UUID.randomUUID();
        String items = String.join(",", List.of(itemIds).stream().map(i -> "\"" + i + "\"").toList());
        send("training-pass.pass-types", "training-pass.pass-type.published.v1", id.toString(), """
                {"passTypeId": "%s", "code": "T%s", "name": "Pass %s", "description": null,
                 "options": [{"optionId": "%s", "name": "Annual", "periodValue": 12, "periodUnit": "MONTHS",
                              "status": "PUBLISHED", "prices": []}],
                 "itemIds": [%s]}""".formatted(id, id.toString().substring(0, 6), id, UUID.randomUUID(), items));
        return id;
    }

    /** A pass event (issued, expired, cancelled...) carrying the whole pass, as training-pass-service sends it. */
    static UUID pass(String type, UUID passId, UUID passTypeId, String contactId, String status, String expiresOn) {
        send("training-pass.passes", "training-pass.pass." + type + ".v1", passId.toString(), """
                {"passId": "%s", "passTypeId": "%s", "passTypeCode": "T", "passTypeName": "Pass", "optionId": "%s",
                 "optionName": "Annual", "accountId": "%s", "contactId": "%s", "status": "%s", "issuedOn": "2026-01-01",
                 "expiresOn": "%s", "orderId": null, "opportunityRef": null, "interestRef": null,
                 "previousExpiresOn": null, "previousContactId": null, "reason": null}"""
                .formatted(passId, passTypeId, UUID.randomUUID(), UUID.randomUUID(), contactId, status, expiresOn));
        return passId;
    }

    private static void send(String topic, String type, String key, String body) {
        TestEvents.publish(topic, type, key, body);
    }
}
