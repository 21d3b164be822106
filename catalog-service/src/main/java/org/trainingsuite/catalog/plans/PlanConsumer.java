package org.trainingsuite.catalog.plans;

import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;

/**
 * Binding {@code plans-in-0}: {@code learning-plan.plans}. A learning plan enters a catalog by id; its
 * title comes from these events ({@code planId}, {@code name}), the contract learning-plan-service emits.
 */
@Configuration
class PlanConsumer {

    @Bean
    Consumer<Message<byte[]>> plans(InboxConsumer.Factory consumers, JdbcTemplate jdbc) {
        return consumers.named("catalog.plans")
                .on("learning-plan.plan.published.v1", event -> planNamed(jdbc, event))
                .on("learning-plan.plan.updated.v1", event -> planNamed(jdbc, event))
                .build();
    }

    private static void planNamed(JdbcTemplate jdbc, IncomingEvent event) {
        jdbc.update("""
                insert into known_plan (id, title) values (?, ?)
                on conflict (id) do update set title = excluded.title
                """, UUID.fromString(event.payload().get("planId").asString()), event.payload().get("name").asString());
    }
}
