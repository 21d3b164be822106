#!/usr/bin/env python3
"""Writes the suite's AsyncAPI 3.0 document from what the services declare: each service's *EventTypes.java
(event type, topic, and the comment above it) and src/main/resources/events/<type>.schema.json.

  scripts/asyncapi.py           write docs/asyncapi.json and the gateway's copy (served at /asyncapi.json)
  scripts/asyncapi.py --check   fail when either is not what the services declare (CI runs this)
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUTS = [os.path.join(ROOT, "docs", "asyncapi.json"),
           os.path.join(ROOT, "gateway", "src", "main", "resources", "static", "asyncapi.json")]
DECLARATION = re.compile(r'/\*\*\s*(?P<doc>.*?)\s*\*/\s*public static final EventType \w+ = EventType\.of\(\s*'
                         r'"(?P<type>[^"]+)",\s*"(?P<topic>[^"]+)"\)', re.S)


def key(name):
    """AsyncAPI component and channel ids allow letters, digits, - and _ only."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", name)


def declared():
    events = []
    for path in sorted(glob.glob(os.path.join(ROOT, "*", "src", "main", "java", "**", "*EventTypes.java"), recursive=True)):
        service = os.path.relpath(path, ROOT).split(os.sep)[0]
        text = open(path, encoding="utf-8").read()
        found = list(DECLARATION.finditer(text))
        if len(found) != text.count("EventType.of("):
            sys.exit("%s: every EventType.of(...) needs a /** comment */ right above it (it becomes the summary)" % path)
        for m in found:
            doc = " ".join(line.strip().lstrip("*").strip() for line in m.group("doc").splitlines()).strip()
            schema_path = os.path.join(ROOT, service, "src", "main", "resources", "events", m.group("type") + ".schema.json")
            if not os.path.exists(schema_path):
                sys.exit("no schema for %s: %s" % (m.group("type"), schema_path))
            events.append((service, m.group("type"), m.group("topic"), doc, json.load(open(schema_path, encoding="utf-8"))))
    return events


def document(events):
    headers = {"type": "object", "required": ["ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time"], "properties": {
        "ce_id": {"type": "string", "description": "event id (the consumer's inbox key: a redelivery has the same id)"},
        "ce_type": {"type": "string", "description": "the event type, <service>.<aggregate>.<verb>.v<N>"},
        "ce_source": {"type": "string", "description": "the emitting service, e.g. /training-pass-service"},
        "ce_subject": {"type": "string", "description": "the aggregate id (also the record key)"},
        "ce_time": {"type": "string", "format": "date-time", "description": "when it happened"},
        "ce_specversion": {"type": "string", "const": "1.0"},
        "content-type": {"type": "string", "const": "application/json"},
        "traceparent": {"type": "string", "pattern": "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$",
                        "description": "W3C trace context of the request or event that wrote it, when traced"},
        "tracestate": {"type": "string", "description": "W3C trace state that goes with traceparent"}}}
    channels, operations, messages, schemas = {}, {}, {}, {}
    for service, type_, topic, doc, schema in events:
        mkey = key(type_)
        payload = {k: v for k, v in schema.items() if k not in ("$schema", "$id")}
        schemas[mkey] = payload
        messages[mkey] = {"name": type_, "title": schema.get("title", type_), "summary": doc,
                          "contentType": "application/json", "headers": headers,
                          "payload": {"$ref": "#/components/schemas/" + mkey},
                          "bindings": {"kafka": {"key": {"type": "string", "description": "the aggregate id"},
                                                 "bindingVersion": "0.5.0"}}}
        ckey = key(topic)
        channel = channels.setdefault(ckey, {"address": topic, "messages": {},
                                             "description": "Published by %s. Dead letters of consumers: %s.dlq." % (service, topic)})
        channel["messages"][mkey] = {"$ref": "#/components/messages/" + mkey}
        op = operations.setdefault(key(service + "-publishes-" + topic), {
            "action": "send", "channel": {"$ref": "#/channels/" + ckey}, "messages": [],
            "summary": "%s publishes %s (transactional outbox: at least once, in order per key)" % (service, topic)})
        op["messages"].append({"$ref": "#/channels/%s/messages/%s" % (ckey, mkey)})
    return {
        "asyncapi": "3.0.0",
        "info": {"title": "Training suite events", "version": "0.1.0",
                 "description": "Every event the services publish: one topic per stream of one aggregate kind, the "
                                "aggregate id as key, CloudEvents 1.0 attributes as headers, a JSON body. Generated "
                                "by scripts/asyncapi.py from the services' EventTypes and JSON Schemas; do not edit."},
        "defaultContentType": "application/json",
        "servers": {"local": {"host": "127.0.0.1:9092", "protocol": "kafka",
                              "description": "the local stack (deploy/suite up)"}},
        "channels": dict(sorted(channels.items())),
        "operations": dict(sorted(operations.items())),
        "components": {"messages": dict(sorted(messages.items())), "schemas": dict(sorted(schemas.items()))},
    }


def main():
    text = json.dumps(document(declared()), indent=2, ensure_ascii=False) + "\n"
    if "--check" in sys.argv[1:]:
        stale = [p for p in OUTPUTS if not os.path.exists(p) or open(p, encoding="utf-8").read() != text]
        if stale:
            sys.exit("out of date (run scripts/asyncapi.py): " + ", ".join(os.path.relpath(p, ROOT) for p in stale))
        print("AsyncAPI document up to date")
        return
    for path in OUTPUTS:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w", encoding="utf-8").write(text)
    print("wrote " + ", ".join(os.path.relpath(p, ROOT) for p in OUTPUTS))


if __name__ == "__main__":
    main()
