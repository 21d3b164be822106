package org.trainingsuite.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request comes from, for the limits per address. Behind a load balancer every connection
 * comes from the balancer, so for a peer that is a trusted proxy ({@code GATEWAY_TRUSTED_PROXIES}, the same
 * setting that decides whose {@code X-Forwarded-*} headers are kept) the client is the right-most
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy. Entries further left were written by the
 * client and could be anything, so they are never read past an untrusted one.
 */
final class ClientAddress {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String UNKNOWN = "unknown";

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]{7,15}):[0-9]{1,5}");

    private final TrustedProxies trusted;

    /** @param trustedProxies a regex on the peer's address, or blank: trust no proxy */
    ClientAddress(String trustedProxies) {
        this.trusted = StringUtils.hasText(trustedProxies) ? TrustedProxies.from(trustedProxies) : host -> false;
    }

    String of(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
        if (!trusted.isTrusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = normalized(hops.get(i));
            if (hop == null) {
                // a trusted proxy wrote something that is no address: limit by the proxy rather than guess
                return peer;
            }
            if (!trusted.isTrusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : normalized(hops.getFirst());
    }

    private static List<String> forwardedFor(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }

    /** The address of one entry ({@code 203.0.113.7}, {@code 203.0.113.7:4711}, {@code [2001:db8::7]}), or null. */
    private static String normalized(String hop) {
        String address = hop;
        if (address.startsWith("[") && address.indexOf(']') > 0) {
            address = address.substring(1, address.indexOf(']'));
        }
        var withPort = IPV4_WITH_PORT.matcher(address);
        if (withPort.matches()) {
            address = withPort.group(1);
        }
        return IP_LITERAL.matcher(address).matches() ? address : null;
    }
}
