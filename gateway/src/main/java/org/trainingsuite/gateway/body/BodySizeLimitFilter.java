package org.trainingsuite.gateway.body;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.trainingsuite.gateway.problem.ProblemResponses;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps the request body of every route: {@code gateway.max-body-size} (1 MiB), or the route's metadata
 * {@code max-body-size} (e.g. {@code 20MB}) where a service takes more. Over it, a 413 problem naming the limit.
 *
 * <p>A {@code Content-Length} over the limit is refused before a byte of the body is read. A body without one
 * (chunked) is counted as it streams; past the limit nothing more of it is passed on or kept. Order matters:
 * the {@code Retry} and {@code CircuitBreaker} default filters make Spring Cloud Gateway read every request
 * body into memory ({@code AdaptCachedBodyGlobalFilter}, order {@code HIGHEST_PRECEDENCE + 1000}); this filter
 * runs before it, so what is cached is the counted body, and the gateway holds at most the limit (plus one
 * network read) of any request.
 *
 * <p>An HTTP client that is still sending when the answer comes and sees the connection close often reports
 * the close, not the answer. So up to twice the limit is still read and thrown away, and the connection kept
 * (the services' own limit does the same); a body larger than that is not worth the bandwidth: the 413 is
 * sent at once with {@code Connection: close}.
 */
@Component
final class BodySizeLimitFilter implements GlobalFilter, Ordered {

    static final String METADATA_KEY = "max-body-size";
    static final URI TYPE = URI.create("https://trainingsuite.org/problems/too-large");

    private final long defaultLimit;
    private final ProblemResponses problems;

    BodySizeLimitFilter(@Value("${gateway.max-body-size:1MB}") DataSize defaultLimit, GatewayProperties gateway,
            ProblemResponses problems) {
        this.defaultLimit = defaultLimit.toBytes();
        this.problems = problems;
        // a route's limit that is not a size fails the start, not each of its requests
        gateway.getRoutes().forEach(route -> limitOf(route.getMetadata().get(METADATA_KEY), this.defaultLimit));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 500;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        long limit = route == null ? defaultLimit : limitOf(route.getMetadata().get(METADATA_KEY), defaultLimit);
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length > limit) {
            // Up to the drain limit the server reads and drops the rest of the body after this answer by itself.
            return tooLarge(exchange, limit, length > drainLimit(limit));
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody(), limit);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLargeException.class, tooLarge -> exchange.getResponse().isCommitted()
                        ? Mono.error(tooLarge)
                        : tooLarge(exchange, limit, !tooLarge.wholeBodyRead));
    }

    /**
     * {@code body} up to {@code limit} bytes. Past it, the rest is read and dropped, and the body ends with
     * {@link BodyTooLargeException}: when the body ends, or at once past the {@link #drainLimit}, where it is
     * no longer read.
     */
    static Flux<DataBuffer> limited(Flux<DataBuffer> body, long limit) {
        long drainLimit = drainLimit(limit);
        return Flux.defer(() -> {
            long[] read = {0};
            return body.<DataBuffer>handle((buffer, sink) -> {
                read[0] += buffer.readableByteCount();
                if (read[0] <= limit) {
                    sink.next(buffer);
                    return;
                }
                DataBufferUtils.release(buffer);
                if (read[0] > drainLimit) {
                    sink.error(new BodyTooLargeException(false));
                }
            }).concatWith(Mono.defer(() -> read[0] > limit ? Mono.error(new BodyTooLargeException(true)) : Mono.empty()));
        });
    }

    /** How much of an oversized body is still read, so that the client gets to read the answer. */
    static long drainLimit(long limit) {
        return limit > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : 2 * limit;
    }

    static long limitOf(Object metadata, long defaultLimit) {
        if (metadata == null) {
            return defaultLimit;
        }
        long limit;
        try {
            limit = metadata instanceof Number bytes ? bytes.longValue() : DataSize.parse(metadata.toString().trim()).toBytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Route metadata " + METADATA_KEY + " must be a size such as 20MB, not '"
                    + metadata + "'", e);
        }
        if (limit < 0) {
            throw new IllegalStateException("Route metadata " + METADATA_KEY + " must not be negative: " + metadata);
        }
        return limit;
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit, boolean closeConnection) {
        ProblemDetail problem = ProblemResponses.problem(exchange, HttpStatus.CONTENT_TOO_LARGE,
                "The request body may be at most " + readable(limit));
        // the shape of the services' own 413 (platform-web), so a client sees one problem whoever refused
        problem.setType(TYPE);
        problem.setTitle("Request body too large");
        problem.setProperty("maxBodySize", limit);
        HttpHeaders headers = new HttpHeaders();
        if (closeConnection) {
            // Otherwise the server would go on reading and dropping the body to keep the connection, as much and
            // as long as the client cares to send.
            headers.set(HttpHeaders.CONNECTION, "close");
        }
        return problems.write(exchange, problem, headers);
    }

    static String readable(long bytes) {
        long mib = 1024 * 1024;
        if (bytes >= mib && bytes % mib == 0) {
            return bytes / mib + " MiB (" + bytes + " bytes)";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }

    /** The body went past the limit while it was read; no stack trace, it is an answer, not a bug. */
    static final class BodyTooLargeException extends RuntimeException {

        /** The client sent all of it (within the drain limit), so the connection can serve its next request. */
        final boolean wholeBodyRead;

        BodyTooLargeException(boolean wholeBodyRead) {
            super("The request body is over the limit", null, false, false);
            this.wholeBodyRead = wholeBodyRead;
        }
    }
}
