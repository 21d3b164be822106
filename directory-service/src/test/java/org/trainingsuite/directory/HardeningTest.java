package org.trainingsuite.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.trainingsuite.platform.test.TestTokens;
import org.trainingsuite.platform.test.TokenMatrix;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an attacker or a careless client sends, over real HTTP (the servlet container decodes the query
 * string, which MockMvc would skip): each answer is a 4xx problem naming what is wrong, never a 5xx, a 409
 * or a silent change. The rules live in platform-web and platform-security; this service stands for all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc // the context of the other API tests, not one more
class HardeningTest {

    private static final String ADMIN = TestTokens.bearerAdmin("admin-1");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void badTokensAre401ProblemsOnEveryKindOfEndpoint() {
        TokenMatrix.assertAllRefused("http://127.0.0.1:" + port, "/people");
        TokenMatrix.assertAllRefused("http://127.0.0.1:" + port, "/me");
    }

    @Test
    void aPageNumberPastAnyRowIsA400NamingPage() throws Exception {
        HttpResponse<String> response = get("/people?page=2147483647", ADMIN);
        assertProblem(response, 400, "page");
    }

    @Test
    void badlyEncodedQueryValuesAre400sNamingTheParameterForAdminsAndLearners() throws Exception {
        for (String bad : new String[] {"%FF%FE", "%C0%AF", "%ED%A0%80", "a%00b", "a%01b"}) {
            assertProblem(get("/people?q=" + bad, ADMIN), 400, "q");
            assertProblem(get("/groups?page=0&q=" + bad, ADMIN), 400, "q");
            assertProblem(get("/me?x=" + bad, TestTokens.bearerLearner("learner-1")), 400, "x");
        }
        assertThat(get("/people?q=caf%C3%A9", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void aNulCharacterInATextFieldIsA400NamingTheFieldAndWritesNothing() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from person", Integer.class);
        String email = UUID.randomUUID() + "@example.org";
        assertProblem(send("POST", "/people", ADMIN, """
                {"name": "Nul\\u0000Person", "email": "%s"}""".formatted(email)), 400, "name");
        assertProblem(send("POST", "/groups", ADMIN, "{\"name\": \"lone \\ud800 surrogate\"}"), 400, "name");
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(before);
    }

    @Test
    void wrongTypedNumbersAre400sNamingTheField() throws Exception {
        String id = json.readTree(send("POST", "/people", ADMIN, """
                {"name": "Typed", "email": "%s@example.org"}""".formatted(UUID.randomUUID())).body()).get("id").asString();
        for (String version : new String[] {"1.5", "1e20", "9223372036854775808", "\"zero\""}) {
            assertProblem(send("PUT", "/people/" + id, ADMIN, """
                    {"name": "Typed", "email": "typed@example.org", "version": %s}""".formatted(version)), 400, "version");
        }
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWithOrWithoutContentLength() throws Exception {
        byte[] tenMegabytes = ("{\"name\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> declared = http.send(request("/groups", ADMIN).expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tenMegabytes)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        // chunked: no Content-Length, the body is counted as it is read (this service allows 8 MiB)
        byte[] overTheLimit = ("{\"name\": \"" + "x".repeat(9 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = http.send(request("/groups", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(overTheLimit))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(json.readTree(streamed.body()).get("title").asString()).isEqualTo("Request body too large");
    }

    @Test
    void aLearnerSendingAnyBodyToAnAdminOperationGets403NotTheFieldList() throws Exception {
        String learner = TestTokens.bearerLearner("learner-2");
        assertThat(send("POST", "/people", learner, "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/groups/" + UUID.randomUUID() + "/members", learner, "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/accounts", learner, "not json at all").statusCode()).isEqualTo(403);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.uri() + " answered " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JsonMapper.builder().build().readTree(response.body());
        assertThat(body.path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Authorization", token).timeout(Duration.ofSeconds(30));
    }
}
