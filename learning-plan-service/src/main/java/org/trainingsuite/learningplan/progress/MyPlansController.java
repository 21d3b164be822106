package org.trainingsuite.learningplan.progress;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PlatformSecurity;

/** A learner's plans: milestone progress and what is due next. The person is the token's subject. */
@RestController
class MyPlansController {

    private final ProgressService progress;

    MyPlansController(ProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/me/learning-plans")
    List<ProgressService.MyPlan> mine(Authentication auth) {
        return progress.myPlans(PlatformSecurity.personId(auth));
    }
}
