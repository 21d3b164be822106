package org.trainingsuite.platform.messaging.outbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The Kafka producer the relay publishes with: idempotent, acks=all, bounded waits. */
public final class OutboxProducer {

    private OutboxProducer() {
    }

    /**
     * @param sendTimeout how long a pass may wait for metadata or acknowledgements before it gives up
     *                    and keeps its rows for the next pass
     */
    public static Producer<String, byte[]> create(String bootstrapServers, String clientId, Duration sendTimeout) {
        return create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), clientId, sendTimeout);
    }

    /**
     * @param base the service's own producer settings ({@code spring.kafka.*}: bootstrap servers, TLS,
     *             SASL...); the delivery guarantees below always win over them
     */
    public static Producer<String, byte[]> create(Map<String, Object> base, String clientId, Duration sendTimeout) {
        int timeout = (int) sendTimeout.toMillis();
        int requestTimeout = Math.max(1000, timeout / 2);
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        // must be >= linger + request timeout, or the client refuses the configuration
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout + requestTimeout + 5);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
