package org.trainingsuite.reporting.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.messaging.EventHandler;
import org.trainingsuite.platform.messaging.IncomingEvent;
import org.trainingsuite.platform.messaging.MalformedEventException;
import org.trainingsuite.reporting.projection.ProjectionSchema;
import org.trainingsuite.reporting.projection.Projections;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the read models from the beginning of the topics into a fresh schema, then swaps it in for
 * {@code live}:
 * <ol>
 *   <li>create the schema and its tables; read every topic from its first offset to the end it had when the
 *       rebuild started, applying each event with the live handlers, in transactions of {@value #BATCH};</li>
 *   <li>take the projection lock exclusively (live events wait), read what arrived meanwhile up to the end
 *       as of now, rename {@code live} away and the new schema to {@code live}, drop the old one, commit.</li>
 * </ol>
 * The live consumer then goes on from its own offsets; what it applies again the rebuild already applied,
 * and the handlers are idempotent. Reports keep answering from the old schema until the swap. One rebuild
 * at a time, across replicas.
 */
@Service
public class Rebuilder {

    static final int BATCH = 1000;
    /** Session advisory lock held for a whole rebuild ("rebuild" in ASCII). */
    static final long REBUILD_LOCK = 0x72656275696c64L;

    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);

    /** What a rebuild did. */
    public record Result(String schema, long events, long skipped, Duration took, Instant swappedAt) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Projections projections;
    private final JsonMapper json;
    private final Clock clock;
    private final KafkaProperties kafka;
    private final ReentrantLock running = new ReentrantLock();

    Rebuilder(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, Projections projections, JsonMapper json, Clock clock,
            KafkaProperties kafka) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.projections = projections;
        this.json = json;
        this.clock = clock;
        this.kafka = kafka;
    }

    /** One rebuild at a time: in this instance (a lock) and across replicas (a session advisory lock). */
    public Result rebuild() {
        if (!running.tryLock()) {
            throw new ConflictException("a rebuild is running already");
        }
        try (Connection session = dataSource.getConnection()) {
            if (!advisory(session, "select pg_try_advisory_lock(?)")) {
                throw new ConflictException("a rebuild is running already (on another instance)");
            }
            try {
                return run();
            } finally {
                advisory(session, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild lock", e);
        } finally {
            running.unlock();
        }
    }

    private static boolean advisory(Connection session, String sql) throws SQLException {
        try (PreparedStatement st = session.prepareStatement(sql)) {
            st.setLong(1, REBUILD_LOCK);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private Result run() {
        long started = System.nanoTime();
        String schema = "rebuild_" + Long.toString(clock.millis(), 36);
        jdbc.execute("create schema " + schema);
        jdbc.execute((Connection c) -> {
            ProjectionSchema.create(c, schema);
            return null;
        });
        long[] counts = new long[2];
        String retired = "retired_" + Long.toString(clock.millis(), 36);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Projections.TOPICS) {
                List<PartitionInfo> info = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (info != null) {
                    info.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            replay(consumer, consumer.endOffsets(partitions), schema, counts, false);
            tx.executeWithoutResult(s -> {
                jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, Projections.LOCK_KEY);
                replay(consumer, consumer.endOffsets(partitions), schema, counts, true);
                jdbc.execute("alter schema " + ProjectionSchema.LIVE + " rename to " + retired);
                jdbc.execute("alter schema " + schema + " rename to " + ProjectionSchema.LIVE);
                // Dropped in the swap itself: a connection's cached statements still point at the old tables
                // after a rename, and only their removal makes every statement find "live" anew. It waits
                // for exports still reading the old tables (at most a few, see ReportController).
                jdbc.execute("drop schema " + retired + " cascade");
            });
        } catch (RuntimeException e) {
            jdbc.execute("drop schema if exists " + schema + " cascade");
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        log.info("Rebuilt the read models from {} events ({} skipped) in {}", counts[0], counts[1], took);
        return new Result(schema, counts[0], counts[1], took, clock.instant());
    }

    /**
     * Applies every record up to {@code end} into {@code schema}: in batches of their own transaction, or, with
     * {@code inCallerTransaction}, in the caller's (the swap's).
     */
    private void replay(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, String schema, long[] counts,
            boolean inCallerTransaction) {
        Map<String, EventHandler> handlers = projections.handlers();
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(BATCH);
        while (!reached(consumer, end)) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < end.getOrDefault(tp, 0L)) {
                    batch.add(r);
                }
            }
            if (batch.size() >= BATCH || reached(consumer, end)) {
                List<ConsumerRecord<byte[], byte[]>> todo = List.copyOf(batch);
                batch.clear();
                if (inCallerTransaction) {
                    apply(todo, handlers, schema, counts);
                } else {
                    tx.executeWithoutResult(s -> apply(todo, handlers, schema, counts));
                }
            }
        }
    }

    private void apply(List<ConsumerRecord<byte[], byte[]>> records, Map<String, EventHandler> handlers, String schema,
            long[] counts) {
        jdbc.execute("set local search_path to " + schema + ", public");
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Map<String, Object> headers = new HashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value());
            }
            IncomingEvent event;
            try {
                event = IncomingEvent.from(MessageBuilder.withPayload(r.value() == null ? new byte[0] : r.value())
                        .copyHeaders(headers).build(), json);
            } catch (MalformedEventException e) {
                counts[1]++;
                continue; // the live consumer dead-lettered it too
            }
            EventHandler handler = handlers.get(event.type());
            if (handler == null) {
                counts[1]++;
                continue;
            }
            handler.handle(event);
            counts[0]++;
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        // the service's spring.kafka.* settings (servers, TLS, SASL), as the binder and the relay use them
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + clock.millis()));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
