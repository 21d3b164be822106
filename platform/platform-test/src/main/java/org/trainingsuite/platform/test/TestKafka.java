package org.trainingsuite.platform.test;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker per test JVM, shared by every test class of a module.
 *
 * <p>In this order: {@code TEST_KAFKA_BOOTSTRAP_SERVERS}; Testcontainers when a Docker engine is
 * reachable; otherwise an in-process KRaft broker (the one {@code @EmbeddedKafka} starts). Tests
 * use their own topic names, so a shared broker never mixes their records.
 */
public final class TestKafka {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);

    private static volatile String bootstrapServers;

    private TestKafka() {
    }

    /** host:port list of the shared broker, started on first use. */
    public static String bootstrapServers() {
        String local = bootstrapServers;
        if (local == null) {
            synchronized (TestKafka.class) {
                local = bootstrapServers;
                if (local == null) {
                    local = start();
                    bootstrapServers = local;
                }
            }
        }
        return local;
    }

    private static String start() {
        String env = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (env != null && !env.isBlank()) {
            log.info("Test Kafka (environment): {}", env);
            return env;
        }
        if (Docker.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
            log.info("Test Kafka (testcontainers): {}", container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true",
                "num.partitions", "3"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        log.info("Test Kafka (embedded KRaft): {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }
}
