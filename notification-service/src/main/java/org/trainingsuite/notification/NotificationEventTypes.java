package org.trainingsuite.notification;

import java.util.List;
import org.trainingsuite.platform.messaging.EventType;

/** Every event notification-service emits. Payload schemas: {@code src/main/resources/events/<type>.schema.json}. */
public final class NotificationEventTypes {

    /** Emitted when a message was handed to the SMTP server (key: the message id). */
    public static final EventType DELIVERY_SENT = EventType.of("notification.delivery.sent.v1", "notification.deliveries");
    /** Emitted when a message was given up on after its retries, with the reason. */
    public static final EventType DELIVERY_FAILED = EventType.of("notification.delivery.failed.v1", "notification.deliveries");

    public static final List<EventType> ALL = List.of(DELIVERY_SENT, DELIVERY_FAILED);

    private NotificationEventTypes() {
    }
}
