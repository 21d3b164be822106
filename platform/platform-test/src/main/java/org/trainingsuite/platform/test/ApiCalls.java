package org.trainingsuite.platform.test;

import java.io.UnsupportedEncodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls a service's HTTP API in a test as a given token holder, and reads JSON answers. */
public final class ApiCalls {

    private final MockMvc mvc;
    private final JsonMapper json;

    public ApiCalls(MockMvc mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** Performs {@code request} with {@code bearer} ("Bearer ...") as its Authorization header. */
    public ResultActions as(String bearer, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer));
    }

    /** The same, with a JSON body. */
    public ResultActions as(String bearer, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The answer's JSON body. */
    public JsonNode body(ResultActions result) throws UnsupportedEncodingException {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
