package org.trainingsuite.trainingpass;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Training passes: what a pass type includes and costs, who holds which pass, until when. */
@SpringBootApplication
@EnableScheduling
public class TrainingPassApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingPassApplication.class, args);
    }

    /** Dates (issue, expiry) are calendar days in UTC. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
