package org.trainingsuite.trainingpass.directory;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;

/** Binding {@code directory-in-0}: {@code directory.people} and {@code directory.accounts}. */
@Configuration
class DirectoryConsumer {

    @Bean
    Consumer<Message<byte[]>> directory(InboxConsumer.Factory consumers, DirectoryProjection projection) {
        return consumers.named("training-pass.directory")
                .on("directory.person.created.v1", projection::personChanged)
                .on("directory.person.updated.v1", projection::personChanged)
                .on("directory.account.created.v1", projection::accountChanged)
                .on("directory.account.updated.v1", projection::accountChanged)
                .build();
    }
}
