package org.trainingsuite.trainingpass.pass;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Payload of every event on {@code training-pass.passes}: the pass as it is after the change, with its
 * type and option named, so that consumers (catalog badges, notifications, reports) need not call back.
 * {@code previousExpiresOn} is set on renewed and extended, {@code previousContactId} on reassigned,
 * {@code reason} on cancelled. {@code version} grows with every change of the pass, so a consumer can
 * ignore an older event that arrives late (a replay, a dead letter sent again).
 */
public record PassChanged(UUID passId, UUID passTypeId, String passTypeCode, String passTypeName, UUID optionId,
                          String optionName, UUID accountId, String contactId, PassStatus status, LocalDate issuedOn,
                          LocalDate expiresOn, UUID orderId, String opportunityRef, String interestRef,
                          LocalDate previousExpiresOn, String previousContactId, String reason, long version) {
}
