package org.trainingsuite.gateway.security;

import java.net.InetSocketAddress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.trainingsuite.gateway.problem.ProblemResponses;

/**
 * The gateway validates every token itself (OAuth2 resource server, RS256 JWT). The key comes from
 * Boot's standard properties: {@code spring.security.oauth2.resourceserver.jwt.public-key-location}
 * locally, {@code issuer-uri} or {@code jwk-set-uri} in production; without any of them the gateway
 * refuses to start rather than let requests through unchecked.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems,
            @Value("${management.server.port:}") String managementServerPort, @Value("${server.port:8080}") int serverPort) {
        SecurityProblems securityProblems = new SecurityProblems(problems);
        // Prometheus scrapes without a token, on the management port only (MANAGEMENT_SERVER_PORT, never exposed; the
        // public port then serves no actuator metrics at all). Without a management port of its own (tests), the
        // metrics are on the public port and need a token like the rest.
        int managementPort = managementServerPort.isBlank() ? -1 : Integer.parseInt(managementServerPort.trim());
        ServerWebExchangeMatcher metricsOnManagementPort = exchange -> {
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean match = managementPort > 0 && managementPort != serverPort && local != null
                    && local.getPort() == managementPort
                    && exchange.getRequest().getPath().value().equals("/actuator/prometheus");
            return match ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return http
                // Stateless bearer-token API: no session, no CSRF token, no login page.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // Uses the CorsConfigurationSource bean; answers preflights before authentication.
                .cors(Customizer.withDefaults())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info").permitAll()
                        .matchers(metricsOnManagementPort).permitAll()
                        // Each service's OpenAPI document, proxied (the /** also matches the bare path).
                        .pathMatchers(HttpMethod.GET, "/api/*/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**")
                                .permitAll()
                        // The suite's AsyncAPI document (scripts/asyncapi.py): the event stream is a public contract.
                        .pathMatchers(HttpMethod.GET, "/asyncapi.json").permitAll()
                        // Circuit breaker fallbacks are reached by an internal forward only.
                        .pathMatchers("/fallback/**").denyAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(TokenRoles.authenticationConverter()))
                        .authenticationEntryPoint(securityProblems)
                        .accessDeniedHandler(securityProblems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(securityProblems)
                        .accessDeniedHandler(securityProblems))
                .build();
    }

    /**
     * Requests refused by Spring Security's firewall before any filter runs (e.g. {@code ..} or an
     * encoded slash in the path, which could otherwise climb out of a public path).
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestProblem(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request URL is not allowed"));
    }
}
