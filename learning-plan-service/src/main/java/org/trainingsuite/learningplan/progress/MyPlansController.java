package org.trainingsuite.learningplan.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PlatformSecurity;

/** A learner's plans: milestone progress and what is due next. The person is the token's subject. */
@RestController
@Tag(name = "My learning plans", description = "The signed-in learner's own learning plans and their progress: "
        + "milestone by milestone, what is met, what is overdue and what is due next.")
class MyPlansController {

    private final ProgressService progress;

    MyPlansController(ProgressService progress) {
        this.progress = progress;
    }

    @Operation(summary = "List my learning plans",
            description = "The caller's plans: those assigned to them, and those they registered for or added to their "
                    + "learning themselves while that registration lasts. Each says how it came (via: PERSON, GROUP or "
                    + "SELF), the registration status, the due date and whether it is overdue, when it was completed, "
                    + "and per milestone the units required and earned, whether waived and met; nextDue names the first "
                    + "milestone not met yet.")
    @GetMapping("/me/learning-plans")
    List<ProgressService.MyPlan> mine(Authentication auth) {
        return progress.myPlans(PlatformSecurity.personId(auth));
    }
}
