package org.trainingsuite.notification.trigger;

import java.util.Set;

/** What a trigger watches, and the events of it that can trigger a message. */
public enum Target {
    TRAINING_PASS(Set.of(TriggerEvent.ISSUED, TriggerEvent.RENEWED, TriggerEvent.CANCELLED, TriggerEvent.EXPIRED)),
    LEARNING_PLAN(Set.of(TriggerEvent.ASSIGNED, TriggerEvent.REGISTERED, TriggerEvent.DEADLINE));

    private final Set<TriggerEvent> events;

    Target(Set<TriggerEvent> events) {
        this.events = events;
    }

    public boolean allows(TriggerEvent event) {
        return events.contains(event);
    }

    public Set<TriggerEvent> events() {
        return events;
    }
}
