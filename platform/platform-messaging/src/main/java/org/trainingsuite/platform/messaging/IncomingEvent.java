package org.trainingsuite.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as a consumer receives it: the CloudEvents attributes from the headers and the JSON body.
 *
 * @param id      {@code ce_id}, unique per event; the inbox key
 * @param type    {@code ce_type}, e.g. {@code directory.group-membership.added.v1}
 * @param source  {@code ce_source}, the emitting service
 * @param subject {@code ce_subject}, the aggregate id (also the record key)
 * @param time    {@code ce_time}, when the fact happened
 * @param payload the JSON body
 */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time, JsonNode payload) {

    /**
     * Reads a message delivered by the Kafka binder.
     *
     * @throws MalformedEventException when a required attribute is missing or the body is not JSON;
     *                                 such a message can never succeed and goes to the dead-letter topic
     */
    public static IncomingEvent from(Message<?> message, JsonMapper json) {
        MessageHeaders headers = message.getHeaders();
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = text(headers.get(CloudEventHeaders.SOURCE));
        String subject = text(headers.get(CloudEventHeaders.SUBJECT));
        String timeText = text(headers.get(CloudEventHeaders.TIME));
        OffsetDateTime time;
        try {
            time = timeText == null ? null : OffsetDateTime.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time: " + timeText, e);
        }
        JsonNode payload;
        try {
            Object body = message.getPayload();
            payload = body instanceof byte[] bytes ? json.readTree(bytes) : json.readTree(body.toString());
        } catch (JacksonException e) {
            throw new MalformedEventException("body of event " + id + " (" + type + ") is not JSON", e);
        }
        return new IncomingEvent(id, type, source, subject, time, payload);
    }

    /** The body mapped to {@code type}, e.g. a consumer's own record of the fields it needs. */
    public <T> T payloadAs(Class<T> type, JsonMapper json) {
        try {
            return json.treeToValue(payload, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("body of event " + id + " (" + this.type + ") does not fit " + type.getSimpleName(), e);
        }
    }

    private static String required(MessageHeaders headers, String name) {
        String value = text(headers.get(name));
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("header " + name + " is missing");
        }
        return value;
    }

    /** The binder hands over foreign headers as raw bytes; those it mapped itself as strings. */
    private static String text(Object header) {
        if (header == null) {
            return null;
        }
        if (header instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return header.toString();
    }
}
