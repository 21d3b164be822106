package org.trainingsuite.learningplan.progress;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;

/** Binding {@code completions-in-0}: {@code catalog.enrollments}; completions count towards milestones. */
@Configuration
class ProgressConsumer {

    @Bean
    Consumer<Message<byte[]>> completions(InboxConsumer.Factory consumers, ProgressService progress) {
        return consumers.named("learning-plan.completions")
                .on("catalog.enrollment.completed.v1", progress::completed)
                .build();
    }
}
