package org.trainingsuite.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.messaging.inbox.Inbox;
import org.trainingsuite.platform.messaging.inbox.InboxConsumer;
import org.trainingsuite.platform.messaging.inbox.InboxJanitor;
import org.trainingsuite.platform.messaging.outbox.MicrometerTraceContext;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.messaging.outbox.OutboxProducer;
import org.trainingsuite.platform.messaging.outbox.OutboxRelay;
import org.trainingsuite.platform.messaging.outbox.OutboxRelayRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the outbox, its relay, the inbox and the consumer failure policy into any service that has
 * platform-messaging on its classpath. The tables come with the module's Flyway migration
 * ({@code db/migration/platform}), picked up by the service's default Flyway location.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "outboxProducer")
    Producer<String, byte[]> outboxProducer(ObjectProvider<KafkaProperties> kafka,
            @Value("${spring.application.name:service}") String applicationName, MessagingProperties properties) {
        return OutboxProducer.create(producerBase(kafka), applicationName + "-outbox-relay",
                properties.relay().sendTimeout());
    }

    /** The service's {@code spring.kafka.*} producer settings (servers, TLS, SASL), or localhost. */
    private static Map<String, Object> producerBase(ObjectProvider<KafkaProperties> kafka) {
        KafkaProperties properties = kafka.getIfAvailable();
        return properties == null ? Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                : properties.buildProducerProperties();
    }

    /** The outbox, inbox and dead-letter meters, in the service's meter registry when it has one. */
    @Bean(destroyMethod = "close")
    MessagingMetrics messagingMetrics(ObjectProvider<MeterRegistry> registry, JdbcTemplate jdbc) {
        MeterRegistry meters = registry.getIfAvailable();
        MessagingMetrics metrics = meters == null ? MessagingMetrics.unexported() : new MessagingMetrics(meters);
        metrics.watchOutbox(jdbc, Clock.systemUTC());
        return metrics;
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            Producer<String, byte[]> outboxProducer, MessagingProperties properties, MessagingMetrics metrics) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), outboxProducer,
                properties.relay().batchSize(), metrics);
    }

    @Bean
    @ConditionalOnProperty(name = "platform.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelayRunner outboxRelayRunner(OutboxRelay relay, MessagingProperties properties) {
        return new OutboxRelayRunner(relay, properties.relay().interval(), properties.relay().maxBackoff());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, JsonMapper json, MessagingProperties properties,
            @Value("${spring.application.name:service}") String applicationName, ObjectProvider<Clock> clock,
            ObjectProvider<OutboxRelayRunner> runner, ObjectProvider<MicrometerTraceContext> traceContext) {
        String source = properties.source() != null ? properties.source() : "/" + applicationName;
        OutboxRelayRunner relayRunner = runner.getIfAvailable();
        Runnable onCommit = relayRunner == null ? () -> { } : relayRunner::wakeUp;
        MicrometerTraceContext trace = traceContext.getIfAvailable();
        return new Outbox(jdbc, json, source, clock.getIfAvailable(Clock::systemUTC), onCommit,
                trace == null ? () -> Outbox.TraceContext.NONE : trace);
    }

    /** With Micrometer Tracing on the classpath, events carry the trace context of the span that wrote them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class OutboxTracing {

        @Bean
        MicrometerTraceContext outboxTraceContext(ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
            return new MicrometerTraceContext(tracer, propagator);
        }
    }

    /**
     * Platform migrations (versions 0.x, shipped in this jar) may reach a database after the service's own (1+)
     * have run, so Flyway applies pending migrations out of order; this holds for the service's own migrations
     * too, which is why a service must not depend on the order of two of its own that are released together.
     * An applied migration the running jar does not know ({@code *:missing}, after a roll-back to an older
     * image) is tolerated too, so an older image still starts on a database a newer one migrated. Off with
     * {@code platform.messaging.migrations.out-of-order=false} (Flyway's defaults then apply).
     */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer")
    @ConditionalOnProperty(name = "platform.messaging.migrations.out-of-order", matchIfMissing = true)
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer platformMigrationsOutOfOrder() {
        return configuration -> configuration.outOfOrder(true).ignoreMigrationPatterns("*:future", "*:missing");
    }

    @Bean
    Inbox inbox(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    InboxJanitor inboxJanitor(JdbcTemplate jdbc, MessagingProperties properties) {
        return new InboxJanitor(jdbc, properties.inbox().retention());
    }

    @Bean
    InboxConsumer.Factory inboxConsumers(Inbox inbox, JsonMapper json, MessagingMetrics metrics) {
        return new InboxConsumer.Factory(inbox, json, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPolicy deadLetterPolicy(ObjectProvider<KafkaProperties> kafka, MessagingProperties properties,
            MessagingMetrics metrics) {
        Map<String, Object> config = new HashMap<>(producerBase(kafka));
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new ByteArraySerializer(), new ByteArraySerializer()));
        MessagingProperties.Consumer consumer = properties.consumer();
        return new DeadLetterPolicy(template, consumer.maxRetries(), consumer.initialBackoff(), consumer.maxBackoff(),
                metrics);
    }
}
