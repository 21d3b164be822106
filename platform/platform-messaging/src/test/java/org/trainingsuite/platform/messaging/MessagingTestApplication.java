package org.trainingsuite.platform.messaging;

import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;

/** A minimal service using platform-messaging as any service would: one consumer through the inbox. */
@SpringBootApplication
class MessagingTestApplication {

    static final String THING_HAPPENED = "test.thing.happened.v1";

    @Bean
    Consumer<Message<byte[]>> things(InboxConsumer.Factory consumers, JdbcTemplate jdbc) {
        return consumers.named("messaging-test.things")
                .on(THING_HAPPENED, event -> {
                    String label = event.payload().get("label").asString();
                    if (label.startsWith("poison")) {
                        throw new IllegalStateException("cannot apply " + label);
                    }
                    jdbc.update("insert into applied_thing (event_id, label) values (?, ?)", event.id(), label);
                })
                .build();
    }
}
