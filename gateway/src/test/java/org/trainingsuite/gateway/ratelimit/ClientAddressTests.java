package org.trainingsuite.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTests {

    /** Two load balancers in front of the gateway. */
    private final ClientAddress addresses = new ClientAddress("192[.]0[.]2[.]1|192[.]0[.]2[.]2");

    @Test
    void aClientThatIsNoTrustedProxyIsTakenByItsOwnAddressWhateverItForwards() {
        assertThat(addressOf("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressTheProxyForwarded() {
        assertThat(addressOf("192.0.2.1", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(addressOf("192.0.2.1", null)).as("the proxy's own request").isEqualTo("192.0.2.1");
    }

    @Test
    void entriesLeftOfTheFirstUntrustedOneAreTheClientsOwnAndIgnored() {
        // the client sent "198.51.100.1, 198.51.100.2" itself to look like someone else
        assertThat(addressOf("192.0.2.1", "198.51.100.1, 198.51.100.2, 203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedBack() {
        assertThat(addressOf("192.0.2.1", "203.0.113.9, 192.0.2.2")).isEqualTo("203.0.113.9");
    }

    @Test
    void portsAndBracketsAreNotPartOfTheAddress() {
        assertThat(addressOf("192.0.2.1", "203.0.113.9:4711")).isEqualTo("203.0.113.9");
        assertThat(addressOf("192.0.2.1", "[2001:db8::9]:4711")).isEqualTo("2001:db8::9");
        assertThat(addressOf("192.0.2.1", "2001:db8::9")).isEqualTo("2001:db8::9");
    }

    @Test
    void somethingThatIsNoAddressWhereAProxyWroteLimitsTheProxy() {
        assertThat(addressOf("192.0.2.1", "unknown")).isEqualTo("192.0.2.1");
    }

    @Test
    void withoutTrustedProxiesForwardedHeadersAreNeverRead() {
        ClientAddress trustingNobody = new ClientAddress("");
        assertThat(trustingNobody.of(exchange("192.0.2.1", "203.0.113.9"))).isEqualTo("192.0.2.1");
    }

    private String addressOf(String peer, String forwardedFor) {
        return addresses.of(exchange(peer, forwardedFor));
    }

    private static MockServerWebExchange exchange(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/directory/people")
                .remoteAddress(new InetSocketAddress(peer, 40_000));
        if (forwardedFor != null) {
            request.header(ClientAddress.X_FORWARDED_FOR, forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
