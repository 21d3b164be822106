package org.trainingsuite.notification.message;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened (or will: an expiry, a deadline) that triggers can send about: its stable key (one
 * message per trigger, occurrence and recipient, however often it is planned), the date offsets count from,
 * whom it is about, what it concerns, and the facts templates render.
 */
public record Occurrence(String key, LocalDate anchor, String learner, UUID accountId, UUID passId, UUID planId,
                         UUID assignmentId, Map<String, Object> context) {
}
