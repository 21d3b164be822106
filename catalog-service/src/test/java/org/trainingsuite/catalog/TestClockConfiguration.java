package org.trainingsuite.catalog;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.trainingsuite.platform.test.MutableClock;

/** The service's clock in tests (primary over the real one): starts on 10 March 2026 and moves when a test says so. */
@TestConfiguration
public class TestClockConfiguration {

    public static final Instant START = Instant.parse("2026-03-10T09:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START);
    }
}
