package org.trainingsuite.reporting;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.trainingsuite.platform.test.ApiCalls;
import org.trainingsuite.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** With no export slot free, an export is a 503 to try again, and pages are still served. */
@SpringBootTest(properties = "reporting.exports.max-concurrent=0")
@AutoConfigureMockMvc
class ExportLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void anExportBeyondTheLimitIsA503AndPagesStillAnswer() throws Exception {
        ApiCalls api = new ApiCalls(mvc, json);
        String admin = TestTokens.bearerAdmin("admin-1");
        api.as(admin, get("/reports/passes?format=csv")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("as many exports as allowed are running; try again shortly"));
        api.as(admin, get("/reports/passes")).andExpect(status().isOk());
    }
}
