package org.trainingsuite.catalog.passes;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;

/** Binding {@code passes-in-0}: {@code training-pass.pass-types} and {@code training-pass.passes}. */
@Configuration
class PassConsumer {

    @Bean
    Consumer<Message<byte[]>> passes(InboxConsumer.Factory consumers, PassProjection projection,
            org.trainingsuite.catalog.enrollment.EnrollmentService enrollments) {
        return consumers.named("catalog.passes")
                .on("training-pass.pass-type.published.v1", projection::passTypePublished)
                .on("training-pass.pass-type.updated.v1", projection::passTypePublished)
                .on("training-pass.pass-type.archived.v1", projection::passTypeArchived)
                .on("training-pass.pass-type.training-changed.v1", projection::trainingChanged)
                .on("training-pass.pass.issued.v1", projection::passChanged)
                .on("training-pass.pass.renewed.v1", projection::passChanged)
                .on("training-pass.pass.extended.v1", projection::passChanged)
                .on("training-pass.pass.reassigned.v1", event -> {
                    projection.passChanged(event);
                    enrollments.revokeForReassignedPass(event);
                })
                .on("training-pass.pass.expired.v1", projection::passChanged)
                .on("training-pass.pass.cancelled.v1", event -> {
                    projection.passChanged(event);
                    enrollments.revokeForCancelledPass(event);
                })
                .build();
    }
}
