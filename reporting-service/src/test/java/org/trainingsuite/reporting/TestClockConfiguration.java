package org.trainingsuite.reporting;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.trainingsuite.platform.test.MutableClock;

/** The service's clock in tests (primary over the real one), moved when a test says so. */
@TestConfiguration
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(ReportingApiTest.TODAY);
    }
}
