package org.trainingsuite.platform.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxRelay} on one background thread: right after a transaction that wrote events
 * commits, and otherwise every {@code interval} (to pick up what another replica left, or what a
 * failed pass kept). After failures it backs off exponentially up to {@code maxBackoff}, so a broker
 * outage costs a few queries a minute, not a busy loop.
 */
public class OutboxRelayRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayRunner.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelayRunner(OutboxRelay relay, Duration interval, Duration maxBackoff) {
        this.relay = relay;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /** Asks for a pass now (called after a commit that wrote events). */
    public void wakeUp() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
            finalPass();
        }
    }

    /**
     * One last pass at shutdown, after requests and consumers have stopped, so that what they wrote does not
     * wait for the next start (or another replica). Bounded by the producer's send timeout; whatever it
     * cannot publish stays in the outbox.
     */
    private void finalPass() {
        try {
            relay.relayOnce();
        } catch (RuntimeException e) {
            log.info("Outbox relay: final pass at shutdown left events for later: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * A low phase: started before, and stopped after, the web server's graceful shutdown and the message
     * consumers, so events written while they drain are still relayed by the final pass. The data source and
     * the producer are beans, closed only after every lifecycle has stopped.
     */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            boolean fullBatch = false;
            try {
                OutboxRelay.Pass pass = relay.relayOnce();
                failures = pass.hadFailures() ? failures + 1 : 0;
                fullBatch = !pass.hadFailures() && pass.published() > 0;
            } catch (RuntimeException | Error e) {
                // an Error too: a dead relay thread would silently stop every event of the service
                failures++;
                if (running) {
                    log.warn("Outbox relay pass failed (attempt {}): {}", failures, e.toString());
                }
            }
            if (fullBatch) {
                continue; // there may be more right behind this batch
            }
            long waitMillis = failures == 0 ? interval.toMillis()
                    : Math.min(maxBackoff.toMillis(), interval.toMillis() << Math.min(failures, 16));
            try {
                if (failures > 0) {
                    // backing off: commits during an outage must not turn into a retry each
                    TimeUnit.MILLISECONDS.sleep(waitMillis);
                    wakeUps.drainPermits();
                } else if (wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
