package org.trainingsuite.notification.trigger;

/**
 * The event a trigger reacts to; its date is what offsets count from. Pass: ISSUED (issue date), RENEWED
 * (renewal date), CANCELLED (cancellation date), EXPIRED (the expiry date, so -30 is 30 days before a pass
 * expires). Plan: ASSIGNED (assignment date), REGISTERED (registration date), DEADLINE (the person's due
 * date, or a milestone due date set for them).
 */
public enum TriggerEvent {
    ISSUED, RENEWED, CANCELLED, EXPIRED, ASSIGNED, REGISTERED, DEADLINE
}
