package org.trainingsuite.learningplan;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Learning plans: curricula of milestones made of catalog programs. */
@SpringBootApplication
@EnableScheduling
public class LearningPlanApplication {

    public static void main(String[] args) {
        SpringApplication.run(LearningPlanApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
