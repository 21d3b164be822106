package org.trainingsuite.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trainingsuite.notification.message.Sender;
import org.trainingsuite.platform.test.TestEvents;
import org.trainingsuite.platform.test.TestKafka;
import org.trainingsuite.platform.test.TestPostgres;
import org.trainingsuite.platform.test.TestTokens;

/**
 * Two instances of the service on the same database and topics: an event delivered twice plans its messages
 * once, and both instances sending at the same moment send each due message once.
 */
class TwoInstancesTest extends NotificationApiTest {

    @Test
    void twoInstancesSendEachDueMessageOnce() throws Exception {
        clock.set(Instant.now()); // both instances agree on what is due now
        try (ConfigurableApplicationContext second = secondInstance()) {
            UUID type = UUID.randomUUID(), account = UUID.randomUUID();
            String holder = person("twin", account);
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                extra.add("\"twin" + i + "-" + holder + "@example.org\"");
            }
            trigger(template("Welcome to {{pass.type}}", "Issued on {{pass.issuedOn}}"), """
                    "target": "TRAINING_PASS", "event": "ISSUED", "offsetsDays": [0], "passTypeIds": ["%s"],
                    "extraAddresses": [%s]""".formatted(type, String.join(",", extra)));
            UUID pass = UUID.randomUUID();
            String body = """
                    {"passId": "%s", "passTypeId": "%s", "passTypeCode": "W", "passTypeName": "Welcome pass", "optionId": "%s",
                     "optionName": "1 year", "accountId": "%s", "contactId": "%s", "status": "ACTIVE", "issuedOn": "%s",
                     "expiresOn": "%s", "orderId": null, "opportunityRef": null, "interestRef": null, "previousExpiresOn": null,
                     "previousContactId": null, "reason": null, "version": 1}"""
                    .formatted(pass, type, UUID.randomUUID(), account, holder, today, today.plusYears(1));
            String id = TestEvents.publish("training-pass.passes", "training-pass.pass.issued.v1", pass.toString(), body);
            TestEvents.publish("training-pass.passes", id, "training-pass.pass.issued.v1", pass.toString(), body);
            Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from message where pass_id = ?", pass) == 41);

            Sender other = second.getBean(Sender.class);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> both = List.of(sender::sendDue, other::sendDue);
                int handled = 0;
                for (Future<Integer> f : pool.invokeAll(both)) {
                    handled += f.get();
                }
                assertThat(handled).as("between them, every message once").isGreaterThanOrEqualTo(41);
            } finally {
                pool.shutdownNow();
            }
            assertThat(TestSmtp.to(holder + "@example.org")).hasSize(1);
            for (int i = 0; i < 40; i++) {
                assertThat(TestSmtp.to("twin" + i + "-" + holder + "@example.org")).hasSize(1);
            }
            assertThat(count("select count(*) from message where pass_id = ? and state = 'SENT' and attempts = 1", pass))
                    .isEqualTo(41);
        }
    }

    private static ConfigurableApplicationContext secondInstance() {
        TestPostgres postgres = TestPostgres.get();
        return new SpringApplicationBuilder(NotificationApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.cloud.stream.kafka.binder.brokers=" + TestKafka.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + TestTokens.publicKeyFile().toAbsolutePath(),
                "--platform.security.issuer=" + TestTokens.ISSUER,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestSmtp.port(),
                "--notification.send.initial-delay=PT10H",
                "--notification.send.batch-size=5");
    }
}
