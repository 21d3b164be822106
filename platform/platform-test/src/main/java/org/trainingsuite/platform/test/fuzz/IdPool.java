package org.trainingsuite.platform.test.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The ids seen in successful answers, grouped by the kind of resource they name ("plan", "person",
 * "passtype"), so that path parameters and id fields reach resources that exist. Insertion ordered:
 * a pick depends only on the random numbers drawn and on what the service answered.
 */
final class IdPool {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Person ids are the identity provider's subjects, not UUIDs (directory's pattern). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");

    private final Map<String, List<String>> byKind = new LinkedHashMap<>();
    private final List<String> all = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final Map<String, Long> versions = new HashMap<>();
    /** Per id, the ids of each kind nested in its answers (a pass type's options, an option's prices). */
    private final Map<String, Map<String, List<String>>> children = new HashMap<>();

    /** The kind of resource a parameter or field named {@code name} holds, e.g. "passTypeId" → "passtype". */
    static String kindOfName(String name) {
        String n = name;
        if (n.endsWith("Ids")) {
            n = n.substring(0, n.length() - 3);
        } else if (n.endsWith("Id")) {
            n = n.substring(0, n.length() - 2);
        }
        return singular(n);
    }

    /** "people" → "person", "pass-types" → "passtype", "passes" → "pass", "activities" → "activity". */
    static String singular(String segment) {
        String s = segment.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        if (s.equals("people")) {
            return "person";
        }
        if (s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("sses") || s.endsWith("xes")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("s") && !s.endsWith("ss")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }

    void add(String kind, String id) {
        if (id == null || !(isUuid(id) || TOKEN.matcher(id).matches())) {
            return;
        }
        List<String> ids = byKind.computeIfAbsent(kind, k -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
        if (known.add(id)) {
            all.add(id);
        }
    }

    /** Records {@code id} (of {@code kind}) as nested under {@code parent}. */
    void addChild(String parent, String kind, String id) {
        if (parent == null || parent.equals(id) || !known.contains(id)) {
            return;
        }
        List<String> nested = children.computeIfAbsent(parent, p -> new LinkedHashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>());
        if (!nested.contains(id)) {
            nested.add(id);
        }
    }

    /** An id of this kind, or null when none was seen. */
    String pick(Random random, String kind) {
        List<String> ids = byKind.get(kind);
        return ids == null || ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
    }

    /**
     * An id of this kind, mostly one nested under one of {@code related} (the ids already chosen for the
     * request, latest last), so that {@code /pass-types/{id}/options/{optionId}} names an option of that
     * pass type; else, when the request names a {@code childKind} next, mostly one that has such children;
     * else any of the kind; null when none was seen.
     */
    String pick(Random random, String kind, List<String> related, String childKind) {
        for (int i = related.size() - 1; i >= 0; i--) {
            List<String> nested = children.getOrDefault(related.get(i), Map.of()).get(kind);
            if (nested != null && !nested.isEmpty()) {
                if (random.nextInt(10) < 8) {
                    return nested.get(random.nextInt(nested.size()));
                }
                break;
            }
        }
        if (childKind != null) {
            List<String> parents = byKind.getOrDefault(kind, List.of()).stream()
                    .filter(id -> !children.getOrDefault(id, Map.of()).getOrDefault(childKind, List.of()).isEmpty()).toList();
            if (!parents.isEmpty() && random.nextInt(10) < 8) {
                return parents.get(random.nextInt(parents.size()));
            }
        }
        return pick(random, kind);
    }

    /** Any id seen, or null. */
    String any(Random random) {
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    /** The version last seen on the resource with this id, or null. */
    Long version(String id) {
        return versions.get(id);
    }

    /**
     * Learns from a successful JSON answer: every {@code id} (of the kind the operation is about, or of the
     * field holding the object), every {@code xxxId} and {@code xxxIds}, and the version next to an id;
     * each id as nested under the object holding it, or under {@code parent} (the last id of the request's
     * path: an option made by {@code POST /pass-types/{id}/options} belongs to that pass type).
     */
    void learn(JsonNode node, String kind, String parent) {
        if (node.isArray()) {
            node.forEach(element -> learn(element, kind, parent));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode id = node.get("id");
        String ownId = null;
        if (id != null && id.isString()) {
            ownId = id.asString();
            add(kind, ownId);
            addChild(parent, kind, ownId);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.endsWith("Id") && value.isString()) {
                add(kindOfName(name), value.asString());
                if (ownId == null && kindOfName(name).equals(kind)) {
                    ownId = value.asString();
                }
            } else if (name.endsWith("Ids") && value.isArray()) {
                value.forEach(v -> {
                    if (v.isString()) {
                        add(kindOfName(name), v.asString());
                    }
                });
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (field.getValue().isContainer() && !name.endsWith("Ids")) {
                boolean same = name.equals("items") || name.equals("content");
                learn(field.getValue(), same ? kind : singular(name), same ? parent : ownId != null ? ownId : parent);
            }
        }
        JsonNode version = node.get("version");
        if (ownId != null && version != null && version.isIntegralNumber()) {
            versions.put(ownId, version.asLong());
        }
    }
}
