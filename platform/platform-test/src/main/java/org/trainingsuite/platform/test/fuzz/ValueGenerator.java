package org.trainingsuite.platform.test.fuzz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid-looking values from schemas: types, formats, enums, bounds, lengths, patterns, required and
 * optional properties, arrays and nested objects; ids taken from the {@link IdPool} so that references
 * point at resources that exist.
 */
final class ValueGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final String[] WORDS = {"alpha", "bravo", "delta", "echo", "kilo", "lima", "oscar", "sierra", "tango"};
    private static final LocalDate DAY_ZERO = LocalDate.of(2026, 1, 1);

    private final ApiDocument document;
    private final Random random;
    private final IdPool pool;
    private final boolean full;
    private final Set<String> omitted;
    /**
     * The ids chosen so far for this request (path first, then body): related ids are picked after them (see
     * {@link IdPool#pick(Random, String, List)}), and a {@code version} field takes the version last seen on
     * one of them, so that an update goes past the optimistic lock.
     */
    private final List<String> chosen = new ArrayList<>();
    /** While a body property is generated: the kind of the id property after it, whose parent it should be. */
    private String nextIdKind;

    /**
     * @param full    every optional property present and every array non-empty, so that the field a
     *                mutation targets exists
     * @param omitted optional top-level body properties left out (the service refused their values before)
     */
    ValueGenerator(ApiDocument document, Random random, IdPool pool, boolean full, Set<String> omitted) {
        this.omitted = omitted;
        this.document = document;
        this.random = random;
        this.pool = pool;
        this.full = full;
    }

    JsonNode value(JsonNode rawSchema, String name, int depth) {
        JsonNode schema = document.resolve(rawSchema);
        JsonNode alternatives = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (alternatives != null && !alternatives.isEmpty()) {
            List<JsonNode> options = new ArrayList<>();
            alternatives.forEach(a -> {
                if (!ApiDocument.type(document.resolve(a)).equals("null")) {
                    options.add(a);
                }
            });
            if (!options.isEmpty()) {
                return value(options.get(random.nextInt(options.size())), name, depth);
            }
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && !enumeration.isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            enumeration.forEach(v -> {
                if (!v.isNull()) {
                    values.add(v);
                }
            });
            if (!values.isEmpty()) {
                return values.get(random.nextInt(values.size()));
            }
        }
        return switch (ApiDocument.type(schema)) {
            case "object" -> depth >= MAX_DEPTH ? NODES.objectNode() : object(schema, depth);
            case "array" -> depth >= MAX_DEPTH ? NODES.arrayNode() : array(schema, name, depth);
            case "integer" -> NODES.numberNode(integer(schema, name));
            case "number" -> NODES.numberNode(number(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.stringNode(string(schema, name));
        };
    }

    /**
     * A path parameter's value: mostly an id of the kind the path names, when one was seen (one with
     * children of {@code childKind}, the kind of the next path parameter, when there are).
     */
    String pathValue(ApiDocument.Param param, String kind, String childKind) {
        JsonNode schema = document.resolve(param.schema());
        String type = ApiDocument.type(schema);
        if (type.equals("integer") || type.equals("number") || schema.has("enum")) {
            return text(value(schema, param.name(), 0));
        }
        int dice = random.nextInt(10);
        String id = dice < 8 ? pool.pick(random, kind, chosen, childKind) : dice < 9 ? pool.any(random) : null;
        if (id == null || "uuid".equals(schema.path("format").asString("")) && !IdPool.isUuid(id)) {
            id = text(value(schema, param.name(), 0));
        }
        chosen.add(id);
        return id;
    }

    /** A query or header parameter's values: several for an array (form style, exploded). */
    List<String> paramValues(ApiDocument.Param param, JsonNode responseSchema) {
        String name = param.name();
        if (name.equals("sort") && ApiDocument.type(document.resolve(param.schema())).equals("string")
                && !document.resolve(param.schema()).has("enum")) {
            return List.of(sortValue(responseSchema));
        }
        JsonNode value = value(param.schema(), name, 0);
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> values.add(text(v)));
        } else {
            values.add(text(value));
        }
        return values;
    }

    static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }

    /** A property of the listed items, ascending or descending: a sort the service may well accept. */
    private String sortValue(JsonNode responseSchema) {
        JsonNode items = document.resolve(document.properties(responseSchema).getOrDefault("items", NODES.objectNode()));
        List<String> names = new ArrayList<>(document.properties(items.path("items")).keySet());
        String property = names.isEmpty() ? "id" : names.get(random.nextInt(names.size()));
        return property + (random.nextBoolean() ? ",asc" : ",desc");
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = document.required(schema);
        Map<String, JsonNode> properties = document.properties(schema);
        for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
            JsonNode propertySchema = document.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            boolean wanted = random.nextInt(10) < 6;
            if (required.contains(property.getKey())
                    || (full || wanted) && !(depth == 0 && omitted.contains(property.getKey()))) {
                nextIdKind = nextIdKind(properties, property.getKey());
                object.set(property.getKey(), value(propertySchema, property.getKey(), depth + 1));
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject() && !schema.has("properties")) {
            object.set("fuzz" + random.nextInt(100), value(additional, "value", depth + 1));
        }
        return object;
    }

    /** The kind of the first id property after {@code name} ("optionId" after "passTypeId"), or null. */
    private static String nextIdKind(Map<String, JsonNode> properties, String name) {
        boolean after = false;
        for (String property : properties.keySet()) {
            if (after && property.endsWith("Id")) {
                return IdPool.kindOfName(property);
            }
            after |= property.equals(name);
        }
        return null;
    }

    private ArrayNode array(JsonNode schema, String name, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.get("maxItems").asInt() : min + 3;
        int upper = Math.min(max, Math.max(min, 1) + 2);
        int count = min + random.nextInt(Math.max(upper - min, 0) + 1);
        if (full) {
            count = Math.max(count, Math.min(1, max));
        }
        ArrayNode array = NODES.arrayNode();
        JsonNode items = schema.path("items");
        for (int i = 0; i < count; i++) {
            array.add(value(items, name, depth + 1));
        }
        return array;
    }

    private long integer(JsonNode schema, String name) {
        if (name.equals("version")) {
            for (String id : chosen) {
                Long version = pool.version(id);
                if (version != null && random.nextInt(10) < 8) {
                    return version;
                }
            }
        }
        long low;
        long high;
        if (name.equals("page")) {
            low = 0;
            high = 3;
        } else if (name.equals("size")) {
            low = 1;
            high = 50;
        } else {
            BigDecimal[] bounds = bounds(schema, BigDecimal.ONE);
            low = bounds[0].setScale(0, RoundingMode.CEILING).max(BigDecimal.valueOf(Long.MIN_VALUE / 2)).longValue();
            high = bounds[1].setScale(0, RoundingMode.FLOOR).min(BigDecimal.valueOf(Long.MAX_VALUE / 2)).longValue();
        }
        if (high < low) {
            return low;
        }
        return low + (long) (random.nextDouble() * (Math.min(high - low, 1_000_000) + 1));
    }

    private BigDecimal number(JsonNode schema) {
        BigDecimal[] bounds = bounds(schema, new BigDecimal("0.01"));
        BigDecimal span = bounds[1].subtract(bounds[0]).min(BigDecimal.valueOf(1_000_000));
        if (span.signum() <= 0) {
            return bounds[0];
        }
        return bounds[0].add(span.multiply(BigDecimal.valueOf(random.nextDouble()))).setScale(2, RoundingMode.DOWN)
                .max(bounds[0]);
    }

    /** [low, high] from minimum / maximum and their exclusive forms (OpenAPI 3.0 booleans or 3.1 numbers). */
    private static BigDecimal[] bounds(JsonNode schema, BigDecimal step) {
        BigDecimal low = null;
        BigDecimal high = null;
        if (schema.has("minimum")) {
            low = schema.get("minimum").asDecimal();
            if (schema.path("exclusiveMinimum").asBoolean(false)) {
                low = low.add(step);
            }
        }
        if (schema.path("exclusiveMinimum").isNumber()) {
            low = schema.get("exclusiveMinimum").asDecimal().add(step);
        }
        if (schema.has("maximum")) {
            high = schema.get("maximum").asDecimal();
            if (schema.path("exclusiveMaximum").asBoolean(false)) {
                high = high.subtract(step);
            }
        }
        if (schema.path("exclusiveMaximum").isNumber()) {
            high = schema.get("exclusiveMaximum").asDecimal().subtract(step);
        }
        if (low == null) {
            low = high == null ? BigDecimal.ONE : high.subtract(BigDecimal.TEN).max(BigDecimal.ZERO).min(high);
        }
        if (high == null) {
            high = low.add(BigDecimal.valueOf(20));
        }
        return new BigDecimal[] {low, high};
    }

    private String string(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        String lower = name.toLowerCase(Locale.ROOT);
        String value = switch (format) {
            case "uuid" -> id(name, true);
            case "date" -> DAY_ZERO.plusDays(random.nextInt(730)).toString();
            case "date-time" -> Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(730 * 24), ChronoUnit.HOURS).toString();
            case "time" -> "%02d:%02d:00".formatted(random.nextInt(24), random.nextInt(4) * 15);
            case "email" -> "fuzz-" + Integer.toHexString(random.nextInt()) + "@example.org";
            case "uri", "url" -> "https://example.org/" + WORDS[random.nextInt(WORDS.length)];
            case "duration" -> "P" + (1 + random.nextInt(30)) + "D";
            case "byte" -> "ZnV6eg==";
            default -> null;
        };
        if (value == null && (name.endsWith("Id") || name.endsWith("Ids"))) {
            value = id(name, false);
        }
        if (value == null && schema.has("pattern")) {
            value = RegexSampler.sample(schema.get("pattern").asString(), random);
        }
        if (value == null) {
            value = lower.contains("email") ? "fuzz-" + Integer.toHexString(random.nextInt()) + "@example.org"
                    : lower.contains("url") || lower.contains("link") ? "https://example.org/" + WORDS[random.nextInt(WORDS.length)]
                    : lower.contains("currency") ? "EUR"
                    : lower.contains("zone") ? "Europe/Paris"
                    : lower.contains("locale") || lower.contains("language") ? "en"
                    : "Fuzz " + WORDS[random.nextInt(WORDS.length)] + " " + Integer.toHexString(random.nextInt(1 << 20));
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (value.length() < min) {
            value = value + "x".repeat(min - value.length());
        }
        if (value.length() > max) {
            value = value.substring(0, Math.max(max, 0));
        }
        return value;
    }

    /** An id for a field or parameter: a known one of its kind mostly, else any known one or a new one. */
    private String id(String name, boolean uuid) {
        int dice = random.nextInt(10);
        String id = dice < 7 ? pool.pick(random, IdPool.kindOfName(name), chosen, nextIdKind) : dice < 8 ? pool.any(random) : null;
        if (id == null || uuid && !IdPool.isUuid(id)) {
            id = uuid ? new UUID(random.nextLong(), random.nextLong()).toString()
                    : "fuzz-" + Integer.toHexString(random.nextInt());
        }
        chosen.add(id);
        return id;
    }
}
