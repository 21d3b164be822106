package org.trainingsuite.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;

/**
 * Traces and metrics as an operator sees them: a client's trace context reaches the events its write caused,
 * and the platform's meters are on /actuator/prometheus (metric export on: a context of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureMetrics
class ObservabilityTest {

    private static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    MockMvc mvc;

    @Test
    void theTraceOfTheRequestTravelsOnTheEventItWrote() throws Exception {
        String id = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicReader people = TopicReader.of("directory.people")) {
            mvc.perform(post("/people").header(HttpHeaders.AUTHORIZATION, ADMIN)
                            .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"id": "%s", "name": "Tracy Trace", "email": "%s@example.org"}""".formatted(id, id)))
                    .andExpect(status().isCreated());

            ConsumerRecord<String, String> record = people.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(30));
            String traceparent = EventContracts.header(record, "traceparent");
            // same trace, a span of this service's own (not the caller's span id)
            assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");
        }
    }

    @Test
    void thePlatformMetersAreScrapedWithTheServiceName() throws Exception {
        mvc.perform(post("/accounts").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Metered %s"}""".formatted(UUID.randomUUID()))).andExpect(status().isCreated());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, ADMIN))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(metrics)
                    .contains("outbox_backlog{application=\"directory-service\"")
                    .contains("outbox_oldest_age_seconds{application=\"directory-service\"")
                    .contains("outbox_relay_sent_total{application=\"directory-service\",topic=\"directory.accounts\"")
                    .contains("http_server_requests_seconds_count{application=\"directory-service\"");
        });
    }

    @Test
    void metricsNeedATokenOnTheServicesOwnPort() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }
}
