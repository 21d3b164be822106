package org.trainingsuite.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the shared test broker exactly as another service's outbox relay would: CloudEvents
 * headers, the aggregate id as key and subject, a JSON body. Lets a test play the upstream service, held
 * to that service's declared schema.
 */
public final class TestEvents {

    private static volatile KafkaProducer<String, String> producer;

    private TestEvents() {
    }

    /** @return the event id ({@code ce_id}) */
    public static String publish(String topic, String type, String key, String json) {
        return publish(topic, UUID.randomUUID().toString(), type, key, json);
    }

    /**
     * With a chosen event id, e.g. to deliver the same event twice. The body must match the schema its
     * producer declares ({@link EventContracts#assertMatchesProducer}).
     */
    public static String publish(String topic, String eventId, String type, String key, String json) {
        EventContracts.assertMatchesProducer(type, json);
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> attributes = Map.of("ce_id", eventId, "ce_type", type, "ce_source", "/test",
                "ce_specversion", "1.0", "ce_subject", key, "ce_time", Instant.now().toString(),
                "content-type", "application/json");
        attributes.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(new ProducerRecord<>(topic, null, key, json, headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type + " to " + topic, e);
        }
        return eventId;
    }

    private static KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> local = producer;
        if (local == null) {
            synchronized (TestEvents.class) {
                local = producer;
                if (local == null) {
                    local = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                            new StringSerializer(), new StringSerializer());
                    producer = local;
                }
            }
        }
        return local;
    }
}
