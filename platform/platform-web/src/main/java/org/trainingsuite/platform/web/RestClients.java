package org.trainingsuite.platform.web;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The client a service calls another with: bounded connect and read timeouts, so a service that does not
 * answer costs at most that long (put a circuit breaker around the calls as well).
 */
public final class RestClients {

    private RestClients() {
    }

    /** A client of {@code baseUrl} from Spring's builder (observation, message converters) with these timeouts. */
    public static RestClient bounded(RestClient.Builder builder, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        return builder.baseUrl(baseUrl).requestFactory(requests).build();
    }
}
