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

    private static final java.util.concurrent.atomic.AtomicLong VERSIONS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A pass event (issued, expired, cancelled...) carrying the whole pass, as training-pass-service sends it;
     * each call carries a higher version than the one before, as successive changes of a pass do.
     */
    static UUID pass(String type, UUID passId, UUID passTypeId, String contactId, String status, String expiresOn) {
        return pass(type, passId, passTypeId, contactId, status, expiresOn, VERSIONS.incrementAndGet());
    }

    /** With an explicit version, e.g. to replay an old event. */
    static UUID pass(String type, UUID passId, UUID passTypeId, String contactId, String status, String expiresOn,
            long version) {
        send("training-pass.passes", "training-pass.pass." + type + ".v1", passId.toString(), """
                {"passId": "%s", "passTypeId": "%s", "passTypeCode": "T", "passTypeName": "Pass", "optionId": "%s",
                 "optionName": "Annual", "accountId": "%s", "contactId": "%s", "status": "%s", "issuedOn": "2026-01-01",
                 "expiresOn": "%s", "orderId": null, "opportunityRef": null, "interestRef": null,
                 "previousExpiresOn": null, "previousContactId": null, "reason": null, "version": %d}"""
                .formatted(passId, passTypeId, UUID.randomUUID(), UUID.randomUUID(), contactId, status, expiresOn, version));
        return passId;
    }

    /** The pass moved from {@code previousContactId} to {@code contactId}. */
    static void reassigned(UUID passId, UUID passTypeId, String contactId, String previousContactId) {
        send("training-pass.passes", "training-pass.pass.reassigned.v1", passId.toString(), """
                {"passId": "%s", "passTypeId": "%s", "passTypeCode": "T", "passTypeName": "Pass", "optionId": "%s",
                 "optionName": "Annual", "accountId": "%s", "contactId": "%s", "status": "ACTIVE", "issuedOn": "2026-01-01",
                 "expiresOn": "2027-01-01", "orderId": null, "opportunityRef": null, "interestRef": null,
                 "previousExpiresOn": null, "previousContactId": "%s", "reason": null, "version": %d}"""
                .formatted(passId, passTypeId, UUID.randomUUID(), UUID.randomUUID(), contactId, previousContactId,
                        VERSIONS.incrementAndGet()));
    }

    private static void send(String topic, String type, String key, String body) {
        TestEvents.publish(topic, type, key, body);
    }
}
