package org.trainingsuite.notification.trigger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A communication trigger: when (target, event, offsets in days from the event's date, and for deadlines a
 * repeating overdue reminder), for what (pass types or plans; none listed means all), to whom (the learner,
 * the account's contacts, extra addresses), with which template and from which address; automated or sent
 * by an admin; enabled or not.
 */
public record Trigger(UUID id, String name, String abbreviation, UUID templateId, String fromAddress, Target target,
                      TriggerEvent event, List<UUID> passTypeIds, List<UUID> planIds, List<Integer> offsetsDays,
                      Integer repeatEveryDays, Integer repeatMax, boolean audienceLearner, boolean audienceAccountContacts,
                      List<String> extraAddresses, boolean automated, boolean enabled, long version, Instant createdAt,
                      Instant updatedAt) {

    /** Whether the trigger concerns this pass type (no filter: every type). */
    public boolean coversPassType(UUID passTypeId) {
        return passTypeIds.isEmpty() || passTypeIds.contains(passTypeId);
    }

    /** Whether the trigger concerns this plan (no filter: every plan). */
    public boolean coversPlan(UUID planId) {
        return planIds.isEmpty() || planIds.contains(planId);
    }
}
