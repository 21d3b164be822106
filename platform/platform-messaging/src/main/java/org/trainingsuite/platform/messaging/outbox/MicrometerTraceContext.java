package org.trainingsuite.platform.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The trace context of the current span, as Micrometer Tracing (Boot's tracing: Brave or OpenTelemetry) would
 * put it on an outgoing request: with W3C propagation (Boot's default), {@code traceparent} and
 * {@code tracestate}. None when tracing is not configured or no span is current.
 */
public final class MicrometerTraceContext implements Supplier<Outbox.TraceContext> {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public MicrometerTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Outbox.TraceContext get() {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        Span span = t == null ? null : t.currentSpan();
        if (span == null || p == null) {
            return Outbox.TraceContext.NONE;
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(span.context(), carrier, Map::put);
        return new Outbox.TraceContext(carrier.get("traceparent"), carrier.get("tracestate"));
    }
}
