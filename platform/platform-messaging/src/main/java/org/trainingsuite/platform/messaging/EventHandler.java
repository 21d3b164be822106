package org.trainingsuite.platform.messaging;

/**
 * Applies one event. Runs inside the inbox transaction: its database effect and the record that the
 * event was applied commit together. Throwing rolls both back; the binder retries, then dead-letters.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);
}
