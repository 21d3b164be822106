package org.trainingsuite.platform.test.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The operations of an OpenAPI 3.0 / 3.1 document, with local {@code $ref}s resolved on demand. */
final class ApiDocument {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    /** Deeper than any real request schema; stops self-referencing schemas. */
    private static final int MAX_REF_HOPS = 32;

    private final JsonNode root;
    private final List<Operation> operations;

    ApiDocument(JsonNode root) {
        this.root = root;
        this.operations = readOperations();
    }

    List<Operation> operations() {
        return operations;
    }

    /** One path + method of the document. */
    record Operation(String method, String path, List<Param> params, Body body, JsonNode responseSchema,
                     Set<String> documentedStatuses) {

        String key() {
            return method + " " + path;
        }

        /** Whether the document lists this status (or its range, e.g. {@code 2XX}, or {@code default}). */
        boolean documents(int status) {
            return documentedStatuses.contains(Integer.toString(status))
                    || documentedStatuses.contains(status / 100 + "XX") || documentedStatuses.contains("default");
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasPathParams() {
            return !in("path").isEmpty();
        }

        /** Learner-facing operations ("/me", "/me/..."), where a LEARNER token is the useful one. */
        boolean isPersonal() {
            return path.equals("/me") || path.startsWith("/me/");
        }
    }

    /** A path, query or header parameter; object-typed query parameters are already exploded. */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** The request body: its media type and schema. */
    record Body(String contentType, JsonNode schema, boolean required) {
    }

    /**
     * The schema with {@code $ref}s followed and {@code allOf} merged; never null (an empty object schema
     * when there is nothing).
     */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < MAX_REF_HOPS; hops++) {
            current = pointer(current.get("$ref").asString());
        }
        if (current == null || !current.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (current.has("allOf")) {
            ObjectNode merged = ((ObjectNode) current).deepCopy();
            merged.remove("allOf");
            ObjectNode properties = JsonNodeFactory.instance.objectNode();
            Set<String> required = new LinkedHashSet<>();
            for (JsonNode part : current.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.path("properties").forEachEntry(properties::set);
                resolved.path("required").forEach(r -> required.add(r.asString()));
                resolved.propertyNames().stream().filter(n -> !n.equals("properties") && !n.equals("required")
                        && !merged.has(n)).forEach(n -> merged.set(n, resolved.get(n)));
            }
            current.path("properties").forEachEntry(properties::set);
            current.path("required").forEach(r -> required.add(r.asString()));
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            if (!required.isEmpty()) {
                var array = merged.putArray("required");
                required.forEach(array::add);
            }
            return merged;
        }
        return current;
    }

    /**
     * The JSON type a schema describes ("object", "array", "string", "integer", "number", "boolean"), the
     * first non-null one of an OpenAPI 3.1 type list; inferred from the keywords when absent; "" if unknown.
     */
    static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) {
            return type.asString();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        JsonNode enumeration = schema.get("enum");
        if (enumeration != null && !enumeration.isEmpty()) {
            JsonNode first = enumeration.get(0);
            return first.isString() ? "string" : first.isIntegralNumber() ? "integer" : first.isNumber() ? "number"
                    : first.isBoolean() ? "boolean" : "";
        }
        return "";
    }

    /** The properties of an object schema, in document order. */
    Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        resolve(schema).path("properties").forEachEntry(properties::put);
        return properties;
    }

    /** The required property names of an object schema. */
    Set<String> required(JsonNode schema) {
        Set<String> required = new LinkedHashSet<>();
        resolve(schema).path("required").forEach(r -> required.add(r.asString()));
        return required;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#")) {
            return null; // only local references: springdoc writes nothing else
        }
        JsonNode node = root.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        root.path("paths").forEachEntry((path, item) -> {
            List<JsonNode> shared = new ArrayList<>();
            item.path("parameters").forEach(shared::add);
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation == null) {
                    continue;
                }
                Map<String, Param> params = new LinkedHashMap<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                operation.path("parameters").forEach(declared::add);
                for (JsonNode raw : declared) {
                    for (Param param : params(resolve(raw))) {
                        params.put(param.in() + ":" + param.name(), param); // the operation's own wins
                    }
                }
                result.add(new Operation(method.toUpperCase(Locale.ROOT), path, List.copyOf(params.values()),
                        body(operation.get("requestBody")), responseSchema(operation.path("responses")),
                        Set.copyOf(operation.path("responses").propertyNames())));
            }
        });
        result.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(result);
    }

    private List<Param> params(JsonNode param) {
        String in = param.path("in").asString("");
        String name = param.path("name").asString("");
        boolean required = param.path("required").asBoolean(in.equals("path"));
        JsonNode schema = resolve(param.get("schema") != null ? param.get("schema")
                : param.path("content").path("application/json").get("schema"));
        if (in.equals("cookie") || name.isEmpty()) {
            return List.of();
        }
        if (in.equals("query") && type(schema).equals("object") && schema.has("properties")) {
            // form style, exploded: each property of a parameter object is a query parameter of its own
            Set<String> requiredProperties = required(schema);
            List<Param> exploded = new ArrayList<>();
            properties(schema).forEach((property, propertySchema) -> exploded.add(new Param(property, in,
                    required && requiredProperties.contains(property), resolve(propertySchema))));
            return exploded;
        }
        return List.of(new Param(name, in, required, schema));
    }

    private Body body(JsonNode requestBody) {
        if (requestBody == null) {
            return null;
        }
        JsonNode resolved = resolve(requestBody);
        JsonNode content = resolved.path("content");
        String chosen = null;
        for (String mediaType : content.propertyNames()) {
            if (mediaType.equals("application/json")) {
                chosen = mediaType;
                break;
            }
            if (chosen == null || (mediaType.contains("json") && !chosen.contains("json"))) {
                chosen = mediaType;
            }
        }
        if (chosen == null) {
            return null;
        }
        return new Body(chosen, resolve(content.get(chosen).get("schema")), resolved.path("required").asBoolean(false));
    }

    private JsonNode responseSchema(JsonNode responses) {
        for (String status : responses.propertyNames()) {
            if (status.startsWith("2")) {
                JsonNode content = resolve(responses.get(status)).path("content");
                for (String mediaType : content.propertyNames()) {
                    JsonNode schema = content.get(mediaType).get("schema");
                    if (schema != null) {
                        return resolve(schema);
                    }
                }
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }
}
