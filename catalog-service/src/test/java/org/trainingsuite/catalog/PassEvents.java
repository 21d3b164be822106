package org.trainingsuite.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.trainingsuite.platform.test.TestKafka;

/** Plays training-pass-service: publishes real pass-type and pass events, shaped as it emits them. */
final class PassEvents {

    private static final KafkaProducer<String, String> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new StringSerializer(), new StringSerializer());

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
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, String> h : Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", type,
                "ce_source", "/training-pass-service", "ce_specversion", "1.0", "ce_subject", key,
                "ce_time", Instant.now().toString()).entrySet()) {
            headers.add(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8));
        }
        try {
            PRODUCER.send(new ProducerRecord<>(topic, null, key, body, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
