package org.trainingsuite.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.EventContracts;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TopicReader;

/**
 * Traces and metrics as an operator sees them: a client's trace context reaches the events its write caused,
 * and the platform's meters are on /actuator/prometheus of a management port of its own, as in production (metric
 * export on and that port: a context of its own).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@AutoConfigureMetrics
class ObservabilityTest {

    private static final String ADMIN = TestTokens.bearerAdmin("admin-1");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** A management port of its own, as in production (MANAGEMENT_SERVER_PORT): a free port picked now. */
    private static final int MANAGEMENT_PORT = freePort();

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void managementPort(DynamicPropertyRegistry registry) {
        registry.add("management.server.port", () -> MANAGEMENT_PORT);
    }

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
            String metrics = scrape();
            assertThat(metrics)
                    .contains("outbox_backlog{application=\"directory-service\"")
                    .contains("outbox_oldest_age_seconds{application=\"directory-service\"")
                    .contains("outbox_relay_sent_total{application=\"directory-service\",topic=\"directory.accounts\"")
                    .contains("http_server_requests_seconds_count{application=\"directory-service\"");
        });
    }

    @Test
    void prometheusScrapesTheManagementPortWithoutATokenAndTheServicePortServesNoMetrics() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + MANAGEMENT_PORT + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("outbox_backlog{application=\"directory-service\"")
                    .contains("http_server_requests_seconds_bucket");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + MANAGEMENT_PORT + "/actuator/health/liveness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("UP");
            // the service's own port (the one the gateway routes to) has no metrics, with or without a token
            for (String token : new String[] {null, ADMIN}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"));
                if (token != null) {
                    request.header(HttpHeaders.AUTHORIZATION, token);
                }
                int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as("service port, token %s", token != null).isIn(401, 404);
            }
        }
    }

    private String scrape() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
