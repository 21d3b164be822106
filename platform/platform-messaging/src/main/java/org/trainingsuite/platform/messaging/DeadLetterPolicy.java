package org.trainingsuite.platform.messaging;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer failure policy of every Kafka binding in the suite: a record whose handler throws is
 * retried in place with exponential backoff, a bounded number of times; then it is published to
 * {@code <topic>.dlq} (same key, original headers plus the exception headers of Spring Kafka) and the
 * consumer moves on to the next record. A {@link MalformedEventException} is dead-lettered at once.
 *
 * <p>Partition of the dead letter: left to the producer's partitioner (by key), since a dead-letter
 * topic need not have as many partitions as its source.
 */
public class DeadLetterPolicy implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final MessagingMetrics metrics;

    public DeadLetterPolicy(KafkaOperations<byte[], byte[]> deadLetters, int maxRetries, Duration initialBackoff,
            Duration maxBackoff) {
        this(deadLetters, maxRetries, initialBackoff, maxBackoff, MessagingMetrics.unexported());
    }

    public DeadLetterPolicy(KafkaOperations<byte[], byte[]> deadLetters, int maxRetries, Duration initialBackoff,
            Duration maxBackoff, MessagingMetrics metrics) {
        this.deadLetters = deadLetters;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.metrics = metrics;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        for (String topic : destinationName.split(",")) {
            metrics.consuming(topic.trim());
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, exception) -> new TopicPartition(CloudEventHeaders.deadLetterTopic(record.topic()), -1));
        ExponentialBackOffWithMaxRetries retries = new ExponentialBackOffWithMaxRetries(maxRetries);
        retries.setInitialInterval(initialBackoff.toMillis());
        retries.setMultiplier(2.0);
        retries.setMaxInterval(maxBackoff.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception);
            metrics.deadLettered(record.topic());
        }, retries);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        // The consumer's own database being briefly away is no reason to dead-letter good events: those
        // failures are retried until it is back (the partition waits; nothing is skipped or lost).
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? whileTransient() : null);
        container.setCommonErrorHandler(handler);
    }

    static boolean isTransient(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff whileTransient() {
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff; // no max elapsed time: until the database answers again
    }

    /** Retries and dead letters happen in the listener container (above), not in the binding. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
