package org.trainingsuite.platform.test.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The invalid inputs: values put in place of one parameter or one body field, and whole bodies. Each is
 * something a client (or an attacker) can send and a service must answer with a 4xx, never a 5xx.
 */
final class Mutations {

    /** Stands for "leave the parameter or field out". */
    static final String ABSENT = "\u0000absent";
    /** Stands for "send the query parameter twice". */
    static final String REPEATED = "\u0000repeated";

    private static final String LONG = "a".repeat(10_000);

    private Mutations() {
    }

    /**
     * One invalid value.
     *
     * @param name  what it is, in reports
     * @param json  the raw JSON text put in place of a body field; null when it has no JSON form
     * @param raw   the query or path text as sent, already percent-encoded (malformed on purpose for some);
     *              null when it has no URL form
     */
    record Value(String name, String json, String raw) {
    }

    /**
     * A whole request body.
     *
     * @param name        what it is, in reports
     * @param contentType sent as Content-Type
     * @param body        builds the bytes from the valid JSON body (null when the operation has none)
     */
    record Body(String name, String contentType, java.util.function.Function<String, byte[]> body) {
    }

    /**
     * A change to the request itself rather than to one input.
     *
     * @param name   what it is, in reports
     * @param header the header set (replacing the usual one), or null for a change of method
     * @param value  the header's value, or the method
     */
    record Request(String name, String header, String value) {
    }

    /** Sent to every operation; the Content-Type one only with a body, the HEAD one only instead of a GET. */
    static final List<Request> REQUESTS = List.of(
            new Request("Accept: application/xml", "Accept", "application/xml"),
            new Request("Accept: text/csv", "Accept", "text/csv"),
            new Request("Accept: malformed", "Accept", "no/such;;q=x"),
            new Request("Content-Type: unknown charset", "Content-Type", "application/json;charset=x-fuzz"),
            new Request("HEAD instead of GET", null, "HEAD"));

    static final List<Value> VALUES = List.of(
            new Value("string for a number", "\"not a number\"", "abc"),
            new Value("object for a string", "{\"x\": 1}", null),
            new Value("array for an object", "[1, 2]", null),
            new Value("boolean", "true", "true"),
            new Value("1e20", "1e20", "1e20"),
            new Value("1e400", "1e400", "1e400"),
            new Value("2147483648", "2147483648", "2147483648"),
            new Value("2147483647", "2147483647", "2147483647"),
            new Value("9223372036854775808", "9223372036854775808", "9223372036854775808"),
            new Value("-9223372036854775809", "-9223372036854775809", "-9223372036854775809"),
            new Value("-1", "-1", "-1"),
            new Value("0", "0", "0"),
            new Value("100000", "100000", "100000"),
            new Value("1.5 for an integer", "1.5", "1.5"),
            new Value("empty string", "\"\"", ""),
            new Value("blank string", "\"   \"", "%20%20%20"),
            new Value("10,000 characters", "\"" + LONG + "\"", LONG),
            new Value("NUL character", "\"fuzz\\u0000nul\"", "fuzz%00nul"),
            new Value("emoji", "\"\uD83D\uDE00 fuzz\"", "%F0%9F%98%80"),
            new Value("lone surrogate", "\"\\ud800\"", null),
            new Value("malformed %FF%FE", null, "%FF%FE"),
            new Value("overlong %C0%AF", null, "%C0%AF"),
            new Value("encoded surrogate %ED%A0%80", null, "%ED%A0%80"),
            new Value("URI template {x}", "\"{x}\"", "%7Bx%7D"),
            new Value("LIKE wildcards", "\"%_\\\\\"", "%25_%5C"),
            new Value("date -999999999-01-01T00:00:00Z", "\"-999999999-01-01T00:00:00Z\"", "-999999999-01-01T00%3A00%3A00Z"),
            new Value("date +999999999-12-31T23:59:59Z", "\"+999999999-12-31T23:59:59Z\"", "%2B999999999-12-31T23%3A59%3A59Z"),
            new Value("date -4714-11-23", "\"-4714-11-23\"", "-4714-11-23"),
            new Value("date 2024-02-30", "\"2024-02-30\"", "2024-02-30"),
            new Value("date not-a-date", "\"not-a-date\"", "not-a-date"),
            new Value("sort nope,sideways", "\"nope,sideways\"", "nope,sideways"),
            new Value("null", "null", null),
            new Value("missing", ABSENT, ABSENT),
            new Value("repeated", null, REPEATED));

    static final List<Body> BODIES = List.of(
            new Body("body: not JSON", "application/json", valid -> bytes("this is {not json")),
            new Body("body: empty", "application/json", valid -> new byte[0]),
            new Body("body: null", "application/json", valid -> bytes("null")),
            new Body("body: array instead of object", "application/json", valid -> bytes("[" + valid + "]")),
            new Body("body: string", "application/json", valid -> bytes("\"text\"")),
            new Body("body: truncated", "application/json",
                    valid -> bytes(valid.isEmpty() ? "{" : valid.substring(0, valid.length() - 1))),
            new Body("body: trailing garbage", "application/json", valid -> bytes(valid + " }{")),
            new Body("body: unknown property", "application/json", valid -> bytes(valid.startsWith("{") && valid.length() > 2
                    ? "{\"fuzzUnknown\": 1, " + valid.substring(1) : "{\"fuzzUnknown\": 1}")),
            new Body("body: duplicate property", "application/json", Mutations::duplicateFirst),
            new Body("body: 5,000 levels deep", "application/json", valid -> bytes("[".repeat(5000) + "]".repeat(5000))),
            new Body("body: invalid UTF-8", "application/json", Mutations::invalidUtf8),
            new Body("body: as text/plain", "text/plain", Mutations::bytes),
            new Body("body: no content type", null, Mutations::bytes));

    /**
     * Whether a value is one of those worth sending to a field or parameter of this (resolved) schema: the
     * numbers that overflow to a number, the dates out of range to a date, NUL and surrogates to a string...
     * The others are still sent, later, when the budget allows.
     */
    static boolean mattersFor(Value value, JsonNode schema) {
        String type = ApiDocument.type(schema);
        String format = schema.path("format").asString("");
        String name = value.name();
        boolean everywhere = name.equals("null") || name.equals("missing") || name.equals("empty string")
                || name.equals("NUL character") || name.equals("10,000 characters") || name.startsWith("malformed")
                || name.startsWith("overlong") || name.startsWith("encoded surrogate");
        if (everywhere) {
            return true;
        }
        boolean number = name.matches("-?[0-9.e]+( for an integer)?");
        return switch (type) {
            case "integer", "number" -> number || name.equals("string for a number") || name.equals("sort nope,sideways");
            case "boolean" -> name.equals("string for a number") || name.equals("1e20");
            case "object" -> name.equals("array for an object") || name.equals("string for a number");
            case "array" -> name.equals("object for a string") || name.equals("string for a number") || name.equals("repeated");
            default -> format.equals("date") || format.equals("date-time")
                    ? name.startsWith("date ") || name.equals("1e20") || name.equals("blank string")
                    : format.equals("uuid") ? name.equals("string for a number") || name.equals("URI template {x}")
                            || name.equals("1e20") || name.equals("blank string")
                    : name.equals("object for a string") || name.equals("lone surrogate") || name.equals("emoji")
                            || name.equals("blank string") || name.equals("URI template {x}") || name.equals("LIKE wildcards")
                            || name.equals("sort nope,sideways") || name.startsWith("date ") || name.equals("repeated");
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] duplicateFirst(String valid) {
        int colon = valid.indexOf("\":");
        if (!valid.startsWith("{\"") || colon < 0) {
            return bytes("{\"a\": 1, \"a\": 2}");
        }
        String firstName = valid.substring(1, colon + 1);
        return bytes("{" + firstName + ": null, " + valid.substring(1));
    }

    private static byte[] invalidUtf8(String valid) {
        List<Byte> out = new ArrayList<>();
        byte[] prefix = bytes("{\"fuzz\": \"");
        for (byte b : prefix) {
            out.add(b);
        }
        out.add((byte) 0xC3); // a lead byte followed by an ASCII byte: not UTF-8
        out.add((byte) 0x28);
        for (byte b : bytes("\"}")) {
            out.add(b);
        }
        if (valid.startsWith("{") && valid.length() > 2) {
            out.set(out.size() - 1, (byte) ',');
            for (byte b : bytes(valid.substring(1))) {
                out.add(b);
            }
        }
        byte[] result = new byte[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }
}
