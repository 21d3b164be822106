package org.trainingsuite.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.ClassUtils;

/**
 * Puts {@link TokenRules} behind whatever JWT decoder the application has (Boot's, from
 * {@code public-key-location}, {@code jwk-set-uri} or {@code issuer-uri}, or its own), servlet and reactive
 * alike, so no service can end up with a decoder that skips them. The decoder keeps its own checks
 * (signature, {@code exp} and {@code nbf} in the past/future); the rules run after them.
 *
 * <p>Properties, all read once when the decoder is created:
 * <ul>
 * <li>{@code platform.security.issuer}: the expected {@code iss}; defaults to
 *     {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}. Without either the application does not
 *     start: a service must never accept tokens of any issuer.</li>
 * <li>{@code platform.security.audiences}: accepted {@code aud} values; defaults to
 *     {@code spring.security.oauth2.resourceserver.jwt.audiences}; empty: not checked.</li>
 * <li>{@code platform.security.service-token-max-lifetime} (default 1 h) and
 *     {@code platform.security.refuse-service-tokens} (default false; the gateway sets true).</li>
 * </ul>
 */
@AutoConfiguration
public class TokenRulesAutoConfiguration {

    @Bean
    static BeanPostProcessor tokenRulesOnJwtDecoders(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof RuledJwtDecoder)) {
                    return new RuledJwtDecoder(decoder, new TokenRules(settings(environment)));
                }
                if (REACTIVE && bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof RuledReactiveJwtDecoder)) {
                    return new RuledReactiveJwtDecoder(decoder, new TokenRules(settings(environment)));
                }
                return bean;
            }
        };
    }

    private static final boolean REACTIVE = ClassUtils.isPresent("reactor.core.publisher.Mono",
            TokenRulesAutoConfiguration.class.getClassLoader());

    static TokenSettings settings(Environment environment) {
        Binder binder = Binder.get(environment);
        String issuer = binder.bind("platform.security.issuer", String.class)
                .orElseGet(() -> binder.bind("spring.security.oauth2.resourceserver.jwt.issuer-uri", String.class)
                        .orElse(null));
        Bindable<List<String>> list = Bindable.listOf(String.class);
        List<String> audiences = binder.bind("platform.security.audiences", list)
                .orElseGet(() -> binder.bind("spring.security.oauth2.resourceserver.jwt.audiences", list)
                        .orElse(List.of()));
        Duration maxServiceLifetime = binder.bind("platform.security.service-token-max-lifetime", Duration.class)
                .orElse(Duration.ofHours(1));
        boolean refuseService = binder.bind("platform.security.refuse-service-tokens", Boolean.class).orElse(false);
        return new TokenSettings(issuer, Set.copyOf(audiences.stream().filter(a -> !a.isBlank()).toList()),
                maxServiceLifetime, refuseService);
    }
}
