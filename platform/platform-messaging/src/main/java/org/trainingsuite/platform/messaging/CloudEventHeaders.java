package org.trainingsuite.platform.messaging;

/**
 * CloudEvents 1.0 attributes as Kafka headers (binary content mode of the Kafka protocol binding):
 * every record the suite publishes carries them, and the body is the JSON payload alone.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    /** The binding maps {@code datacontenttype} to this header. */
    public static final String CONTENT_TYPE = "content-type";
    /** W3C Trace Context of the span that wrote the event (absent when it was not traced). */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** Suffix of dead-letter topics: {@code <topic>.dlq}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private CloudEventHeaders() {
    }

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
