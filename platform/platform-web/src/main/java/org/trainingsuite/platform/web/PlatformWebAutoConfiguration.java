package org.trainingsuite.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details and the token-checking filter chain for every servlet service of the suite.
 *
 * <p>Public: health, info and the OpenAPI document with its UI. Everything else needs a valid token;
 * which role may do what is declared on the controllers ({@code @PreAuthorize}), so that the rule sits
 * next to the endpoint it guards. Sessions are never created: every request carries its token.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@Import(ProblemDetailsAdvice.class)
public class PlatformWebAutoConfiguration {

    /** Strict JSON bodies: no fraction for an integer, and text, dates and decimals per {@link InputRules}. */
    @Bean
    JsonMapperBuilderCustomizer platformStrictJson() {
        return new StrictJson();
    }

    /**
     * Query strings and body sizes, checked before anything else runs ({@code platform.web.max-body-size},
     * default 1 MiB: every request body of the suite is a small JSON document).
     */
    @Bean
    FilterRegistrationBean<RequestLimitsFilter> platformRequestLimits(
            @Value("${platform.web.max-body-size:1MB}") DataSize maxBodySize, JsonMapper json) {
        FilterRegistrationBean<RequestLimitsFilter> registration =
                new FilterRegistrationBean<>(new RequestLimitsFilter(maxBodySize, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Tomcat answers {@code Expect: 100-continue} only once the application reads the body, so a body refused
     * up front (413, or 401/403 before it is read) is never sent by a client that asked first: the refusal
     * arrives instead of a reset connection.
     */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
    TomcatConnectorCustomizer platformContinueOnRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }

    /** The parts of the OpenAPI document every service writes the same way: see {@link PlatformOpenApi}. */
    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
    org.springdoc.core.customizers.GlobalOpenApiCustomizer platformOpenApiDocument(
            @Value("${platform.openapi.title:${spring.application.name:API}}") String title,
            @Value("${platform.openapi.description:}") String description,
            @Value("${platform.openapi.version:1.0}") String version,
            @Value("${platform.openapi.contact.name:Training suite maintainers}") String contactName,
            @Value("${platform.openapi.contact.email:}") String contactEmail,
            @Value("${platform.openapi.contact.url:https://trainingsuite.org}") String contactUrl) {
        return PlatformOpenApi.document(title, description, version, contactName,
                contactEmail.isBlank() ? null : contactEmail, contactUrl.isBlank() ? null : contactUrl);
    }

    /** Each operation's role, problem answers, media types, paging parameters and id: see {@link PlatformOpenApi}. */
    @Bean
    @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOperationCustomizer")
    org.springdoc.core.customizers.GlobalOperationCustomizer platformOpenApiOperations() {
        return PlatformOpenApi.operations();
    }

    /** The role check before the body is read, and date parameters held to {@link InputRules}. */
    @Bean
    WebMvcConfigurer platformWebMvc() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RoleCheckInterceptor());
            }

            @Override
            public void addFormatters(FormatterRegistry registry) {
                BoundedDateConverters.register(registry);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JsonMapper json,
            @Value("${management.server.port:}") String managementServerPort, @Value("${server.port:8080}") int serverPort)
            throws Exception {
        // Prometheus scrapes without a token, on the management port only (MANAGEMENT_SERVER_PORT, which nothing
        // routes from outside; the service's own port then serves no actuator at all). Without a management port
        // of its own (tests), /actuator/prometheus is on the service's port and needs a token like the rest.
        int managementPort = managementServerPort.isBlank() ? -1 : Integer.parseInt(managementServerPort.trim());
        RequestMatcher metricsOnManagementPort = request -> managementPort > 0 && managementPort != serverPort
                && request.getLocalPort() == managementPort && "/actuator/prometheus".equals(request.getRequestURI());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers(metricsOnManagementPort).permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformSecurity.rolesConverter()))
                        .authenticationEntryPoint(PlatformSecurity.unauthorized(json))
                        .accessDeniedHandler(PlatformSecurity.forbidden(json)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(PlatformSecurity.unauthorized(json))
                        .accessDeniedHandler(PlatformSecurity.forbidden(json)));
        return http.build();
    }
}
