package org.trainingsuite.platform.messaging.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.EventHandler;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.MessagingMetrics;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Cloud Stream consumer function that dispatches on {@code ce_type} and applies each event
 * through the {@link Inbox}. Types it has no handler for are skipped (a topic carries several types,
 * and new ones may appear before a consumer knows them). A handler that throws makes the binder retry
 * with backoff and then dead-letter the message to {@code <topic>.dlq}; the consumer goes on.
 *
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> groupMemberships(InboxConsumer.Factory consumers) {
 *     return consumers.named("learning-plan.group-memberships")
 *             .on("directory.group-membership.added.v1", this::memberAdded)
 *             .build();
 * }
 * }</pre>
 */
public final class InboxConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

    private final String name;
    private final Inbox inbox;
    private final JsonMapper json;
    private final Map<String, EventHandler> handlers;
    private final MessagingMetrics metrics;

    private InboxConsumer(String name, Inbox inbox, JsonMapper json, Map<String, EventHandler> handlers,
                          MessagingMetrics metrics) {
        this.name = name;
        this.inbox = inbox;
        this.json = json;
        this.handlers = Map.copyOf(handlers);
        this.metrics = metrics;
        metrics.consumerStarted(name);
    }

    @Override
    public void accept(Message<byte[]> message) {
        IncomingEvent event = IncomingEvent.from(message, json);
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            log.debug("{}: no handler for {}, skipped {}", name, event.type(), event.id());
            return;
        }
        if (!inbox.applyOnce(name, event, handler)) {
            metrics.duplicateSkipped(name);
            log.debug("{}: {} {} was applied before, skipped", name, event.type(), event.id());
        }
    }

    /** The event types this consumer applies. */
    public Set<String> types() {
        return handlers.keySet();
    }

    /** Creates named consumers; one bean per service. */
    public static final class Factory {

        private final Inbox inbox;
        private final JsonMapper json;
        private final MessagingMetrics metrics;

        public Factory(Inbox inbox, JsonMapper json) {
            this(inbox, json, MessagingMetrics.unexported());
        }

        public Factory(Inbox inbox, JsonMapper json, MessagingMetrics metrics) {
            this.inbox = inbox;
            this.json = json;
            this.metrics = metrics;
        }

        /** @param name the inbox key of this consumer: ids are remembered per consumer name */
        public Builder named(String name) {
            return new Builder(name, inbox, json, metrics);
        }
    }

    public static final class Builder {

        private final String name;
        private final Inbox inbox;
        private final JsonMapper json;
        private final Map<String, EventHandler> handlers = new LinkedHashMap<>();
        private final MessagingMetrics metrics;

        private Builder(String name, Inbox inbox, JsonMapper json, MessagingMetrics metrics) {
            this.name = name;
            this.inbox = inbox;
            this.json = json;
            this.metrics = metrics;
        }

        public Builder on(String ceType, EventHandler handler) {
            if (handlers.putIfAbsent(ceType, handler) != null) {
                throw new IllegalArgumentException("two handlers for " + ceType + " in consumer " + name);
            }
            return this;
        }

        public InboxConsumer build() {
            return new InboxConsumer(name, inbox, json, handlers, metrics);
        }
    }
}
