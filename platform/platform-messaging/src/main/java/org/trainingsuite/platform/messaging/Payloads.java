package org.trainingsuite.platform.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Reading optional fields of an event payload (or any JSON object): an absent field and a JSON null both
 * read as Java null; a present one is parsed as the type says.
 */
public final class Payloads {

    private Payloads() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    public static UUID uuid(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : UUID.fromString(v);
    }

    /** An ISO date, {@code 2026-06-30}. */
    public static LocalDate date(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : LocalDate.parse(v);
    }

    /** An RFC 3339 date-time, with any offset. */
    public static Instant instant(JsonNode node, String field) {
        String v = text(node, field);
        return v == null ? null : OffsetDateTime.parse(v).toInstant();
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }
}
