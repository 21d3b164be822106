package org.trainingsuite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class InputRulesTest {

    record Body(String title, LocalDate dueDate, Instant startsAt, int accessDays, BigDecimal price, List<String> tags) {
    }

    private final JsonMapper json = strictMapper();

    @Test
    void textWithControlCharactersOrLoneSurrogatesIsRefused() {
        assertThat(InputRules.textProblem("a\tb\nc\r")).isNull();
        assertThat(InputRules.textProblem("emoji \uD83D\uDE00")).isNull();
        assertThat(InputRules.textProblem("a\u0000b")).contains("control characters");
        assertThat(InputRules.textProblem("a\u007fb")).contains("control characters");
        assertThat(InputRules.textProblem("a\uD800b")).contains("Unicode");
        assertThat(InputRules.textProblem("a\uDC00")).contains("Unicode");
    }

    @Test
    void datesOutsideTheYearsOneToNineThousandNineHundredNinetyNineAreRefused() {
        assertThat(InputRules.dateProblem(LocalDate.of(2026, 1, 1))).isNull();
        assertThat(InputRules.dateProblem(LocalDate.of(9999, 12, 31))).isNull();
        assertThat(InputRules.dateProblem(LocalDate.of(-4714, 11, 23))).isNotNull();
        assertThat(InputRules.dateProblem(Instant.parse("-999999999-01-01T00:00:00Z"))).isNotNull();
        assertThat(InputRules.dateProblem(Instant.parse("+10000-01-01T00:00:00Z"))).isNotNull();
    }

    @Test
    void decimalsWithAbsurdExponentsAreRefused() {
        assertThat(InputRules.decimalProblem(new BigDecimal("12345.6789"))).isNull();
        assertThat(InputRules.decimalProblem(new BigDecimal("1e999999999"))).isNotNull();
        assertThat(InputRules.decimalProblem(new BigDecimal("1e-40"))).isNotNull();
    }

    @Test
    void strictJsonNamesTheFieldOfEveryBadValue() {
        assertThat(read("""
                {"title": "ok", "dueDate": "2026-05-01", "startsAt": "2026-05-01T10:00:00Z", "accessDays": 5,
                 "price": 10.5, "tags": ["a"]}""")).isNull();
        assertThat(read("{\"title\": \"a\\u0000b\"}")).isEqualTo("title");
        assertThat(read("{\"tags\": [\"ok\", \"a\\u0000b\"]}")).isEqualTo("tags[1]");
        assertThat(read("{\"dueDate\": \"-4714-11-23\"}")).isEqualTo("dueDate");
        assertThat(read("{\"startsAt\": \"-999999999-01-01T00:00:00Z\"}")).isEqualTo("startsAt");
        assertThat(read("{\"accessDays\": 1.5}")).isEqualTo("accessDays");
        assertThat(read("{\"accessDays\": 2147483648}")).isEqualTo("accessDays");
        assertThat(read("{\"accessDays\": 1e20}")).isEqualTo("accessDays");
        assertThat(read("{\"price\": 1e999999999}")).isEqualTo("price");
        assertThat(read("{\"dueDate\": \"2024-02-30\"}")).isEqualTo("dueDate");
    }

    @Test
    void queryStringsMustBeCleanUtf8() {
        assertThat(RequestLimitsFilter.badQueryParameter("q=caf%C3%A9&page=1&x")).isNull();
        assertThat(RequestLimitsFilter.badQueryParameter("q=%FF%FE")).isEqualTo(new FieldError("q", "is not valid percent-encoded UTF-8"));
        assertThat(RequestLimitsFilter.badQueryParameter("page=1&q=%C0%AF").field()).isEqualTo("q");
        assertThat(RequestLimitsFilter.badQueryParameter("q=%ED%A0%80").field()).isEqualTo("q");
        assertThat(RequestLimitsFilter.badQueryParameter("q=a%00b").message()).contains("control characters");
        assertThat(RequestLimitsFilter.badQueryParameter("q=%").field()).isEqualTo("q");
        assertThat(RequestLimitsFilter.badQueryParameter("%FF=1").message()).contains("parameter name");
    }

    @Test
    void pagesThatWouldOverflowTheOffsetAreRefused() {
        assertThatThrownBy(() -> Paging.of(Integer.MAX_VALUE, 20, null, java.util.Set.of(), org.springframework.data.domain.Sort.unsorted()))
                .hasMessageContaining("must be at most");
        assertThat(Paging.of(499_999, 20, null, java.util.Set.of(), org.springframework.data.domain.Sort.unsorted()).getOffset())
                .isEqualTo(9_999_980L);
    }

    /** The field the mapper's error names, or null when the body was read. */
    private String read(String body) {
        try {
            json.readValue(body, Body.class);
            return null;
        } catch (JacksonException e) {
            return e.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("<none>");
        }
    }

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().customize(builder);
        return builder.build();
    }
}
