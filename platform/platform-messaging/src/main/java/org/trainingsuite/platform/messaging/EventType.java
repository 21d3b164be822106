package org.trainingsuite.platform.messaging;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of domain event as it appears on the wire: its CloudEvents type and the topic it is
 * published to.
 *
 * <p>Type names are {@code <service>.<aggregate>.<past-tense-verb>.v<N>}, e.g.
 * {@code directory.person.created.v1}; topics are {@code <service>.<aggregates>}, e.g.
 * {@code directory.people}. A breaking change to a payload gets a new {@code vN}; consumers keep
 * reading the old one. Each service lists its types in one {@code ...EventTypes} class.
 *
 * @param name  the CloudEvents {@code type} ({@code ce_type} header)
 * @param topic the Kafka topic carrying it
 */
public record EventType(String name, String topic) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.v[1-9][0-9]*");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*");

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type must look like <service>.<aggregate>.<verb>.v<N>: " + name);
        }
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must look like <service>.<aggregates>: " + topic);
        }
        if (!name.substring(0, name.indexOf('.')).equals(topic.substring(0, topic.indexOf('.')))) {
            throw new IllegalArgumentException("event type " + name + " and topic " + topic + " name different services");
        }
    }

    /** Shorthand for {@code new EventType(name, topic)}. */
    public static EventType of(String name, String topic) {
        return new EventType(name, topic);
    }

    /** The dead-letter topic of this type's topic. */
    public String deadLetterTopic() {
        return CloudEventHeaders.deadLetterTopic(topic);
    }
}
