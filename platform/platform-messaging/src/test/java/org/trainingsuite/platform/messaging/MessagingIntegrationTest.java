package org.trainingsuite.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TopicReader;

/**
 * platform-messaging wired by its auto-configuration into a Spring Boot application with a Spring Cloud
 * Stream Kafka consumer, against a real PostgreSQL and a real broker.
 */
@SpringBootTest(classes = MessagingTestApplication.class, properties = "spring.main.web-application-type=none")
class MessagingIntegrationTest {

    private static final String TOPIC = "test.things";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventRecordedInATransactionIsPublishedWithItsHeadersAndValidatesAgainstItsSchema() {
        EventType type = EventType.of(MessagingTestApplication.THING_HAPPENED, "test.published-things");
        String key = "agg-" + UUID.randomUUID();
        try (TopicReader reader = TopicReader.of(type.topic())) {
            UUID id = transaction.execute(status -> outbox.record(type, key, Map.of("key", key, "n", 7)));

            ConsumerRecord<String, String> record = reader.awaitRecord(r -> key.equals(r.key()), Duration.ofSeconds(20));
            EventContracts.assertValid(record);
            assertThat(EventContracts.header(record, "ce_id")).isEqualTo(id.toString());
            assertThat(EventContracts.header(record, "ce_type")).isEqualTo(type.name());
            assertThat(EventContracts.header(record, "ce_source")).isEqualTo("/messaging-test");
        }
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        EventType type = EventType.of(MessagingTestApplication.THING_HAPPENED, "test.published-things");
        assertThatThrownBy(() -> outbox.record(type, "k", Map.of("key", "k", "n", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        String id = UUID.randomUUID().toString();
        send(id, MessagingTestApplication.THING_HAPPENED, "{\"label\":\"once-" + id + "\"}", "dup");
        send(id, MessagingTestApplication.THING_HAPPENED, "{\"label\":\"once-" + id + "\"}", "dup");
        String after = UUID.randomUUID().toString();
        send(after, MessagingTestApplication.THING_HAPPENED, "{\"label\":\"after-" + after + "\"}", "dup");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied(after));
        assertThat(jdbc.queryForObject("select count(*) from applied_thing where event_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterTopicAndTheMessagesAfterItAreConsumed() {
        String key = "poison-key-" + UUID.randomUUID();
        String poison = UUID.randomUUID().toString();
        String malformed = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        try (TopicReader deadLetters = TopicReader.of(CloudEventHeaders.deadLetterTopic(TOPIC))) {
            send(poison, MessagingTestApplication.THING_HAPPENED, "{\"label\":\"poison-" + poison + "\"}", key);
            send(malformed, MessagingTestApplication.THING_HAPPENED, "this is not json", key);
            send(next, MessagingTestApplication.THING_HAPPENED, "{\"label\":\"next-" + next + "\"}", key);

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied(next));
            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(
                    r -> poison.equals(EventContracts.header(r, "ce_id")), Duration.ofSeconds(20));
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.value()).contains("poison-" + poison);
            assertThat(EventContracts.header(dead, "kafka_dlt-exception-stacktrace")).contains("cannot apply");
            deadLetters.awaitRecord(r -> malformed.equals(EventContracts.header(r, "ce_id")), Duration.ofSeconds(20));
        }
        assertThat(applied(poison)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, poison))
                .as("a failed event is not marked as applied").isZero();
    }

    @Test
    void eventTypesWithoutAHandlerAreSkipped() {
        String unknown = UUID.randomUUID().toString();
        String known = UUID.randomUUID().toString();
        send(unknown, "test.thing.renamed.v1", "{\"label\":\"x\"}", "skip");
        send(known, MessagingTestApplication.THING_HAPPENED, "{\"label\":\"known-" + known + "\"}", "skip");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied(known));
        assertThat(jdbc.queryForObject("select count(*) from inbox_event where event_id = ?", Integer.class, unknown))
                .isZero();
    }

    private boolean applied(String eventId) {
        Integer n = jdbc.queryForObject("select count(*) from applied_thing where event_id = ?", Integer.class, eventId);
        return n != null && n > 0;
    }

    private static void send(String id, String type, String body, String key) {
        TestEvents.publish(TOPIC, id, type, key, body);
    }
}
