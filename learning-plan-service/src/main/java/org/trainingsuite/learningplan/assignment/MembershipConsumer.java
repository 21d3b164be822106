package org.trainingsuite.learningplan.assignment;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;

/** Binding {@code memberships-in-0}: {@code directory.group-memberships}, which keeps group assignments live. */
@Configuration
class MembershipConsumer {

    @Bean
    Consumer<Message<byte[]>> memberships(InboxConsumer.Factory consumers, AssignmentService assignments) {
        return consumers.named("learning-plan.memberships")
                .on("directory.group-membership.added.v1", assignments::memberAdded)
                .on("directory.group-membership.removed.v1", assignments::memberRemoved)
                .build();
    }
}
