package org.trainingsuite.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: a {@link MutableClock}, primary over the service's own {@code Clock} bean,
 * starting now. A test sets it where it needs it ({@code clock.set(...)} in its {@code @BeforeEach}) and
 * moves it by hand. Use with {@code @Import(TestClock.class)} and {@code @Autowired MutableClock clock}.
 */
@TestConfiguration
public class TestClock {

    @Bean
    @Primary
    MutableClock testClock() {
        return MutableClock.systemUtc();
    }
}
