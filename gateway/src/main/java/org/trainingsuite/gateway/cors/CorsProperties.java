package org.trainingsuite.gateway.cors;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the API ({@code gateway.cors.allowed-origins}, comma separated in
 * an environment variable: {@code GATEWAY_CORS_ALLOWED_ORIGINS}).
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(@DefaultValue("http://localhost:3000") List<String> allowedOrigins) {
}
