package org.trainingsuite.directory.group;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code directory.group-membership.added.v1} and {@code directory.group-membership.removed.v1}:
 * one person joining or leaving one group. The record key is the group id, so one group's membership
 * changes arrive in order.
 */
public record MembershipChanged(UUID groupId, String groupName, String personId, Instant changedAt) {
}
