package org.trainingsuite.platform.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service with platform-messaging gets, at the lowest precedence (a service's own
 * configuration wins):
 * <ul>
 *   <li>consumers receive the raw record value ({@code use-native-decoding}): {@link IncomingEvent}
 *       reads the JSON itself, so the message converters never drop or reshape an event;</li>
 *   <li>the Kafka binder talks to the same brokers as the outbox relay, {@code spring.kafka.bootstrap-servers}.</li>
 * </ul>
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("platformMessagingDefaults", Map.of(
                "spring.cloud.stream.default.consumer.use-native-decoding", "true",
                "spring.cloud.stream.kafka.binder.brokers", "${spring.kafka.bootstrap-servers:localhost:9092}")));
    }
}
