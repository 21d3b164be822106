package org.trainingsuite.notification.facts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.notification.message.Occurrence;
import org.trainingsuite.notification.message.Planner;
import org.trainingsuite.notification.trigger.Target;
import org.trainingsuite.notification.trigger.Trigger;
import org.trainingsuite.notification.trigger.TriggerService;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;

/**
 * An admin sends a trigger's message now, for chosen people of a plan (e.g. the assignment notification from
 * Manage Users) or for chosen passes. Sending the same again on the same day queues nothing more.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Manual sends", description = "An admin sends a trigger's message now, for chosen people of a learning "
        + "plan (for example the assignment notification from Manage Users) or for chosen passes, whether or not the "
        + "trigger is automated.")
class ManualSends {

    private final TriggerService triggers;
    private final PlanFacts plans;
    private final PassFacts passes;
    private final Planner planner;
    private final TransactionTemplate tx;
    private final Clock clock;

    ManualSends(TriggerService triggers, PlanFacts plans, PassFacts passes, Planner planner,
            PlatformTransactionManager transactions, Clock clock) {
        this.triggers = triggers;
        this.plans = plans;
        this.passes = passes;
        this.planner = planner;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** For a LEARNING_PLAN trigger: {@code planId} and {@code personIds}; for a TRAINING_PASS one: {@code passIds}. */
    @Schema(description = "For a LEARNING_PLAN trigger `planId` and `personIds`; for a TRAINING_PASS one `passIds`",
            example = "{\"passIds\": [\"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"]}")
    record SendRequest(
            @Schema(description = "LEARNING_PLAN triggers: the plan", example = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")
            UUID planId,
            @Schema(description = "LEARNING_PLAN triggers: people assigned the plan, up to 10000",
                    example = "[\"8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60\"]")
            @Size(max = 10000) List<@NotBlank @Size(max = 64) String> personIds,
            @Schema(description = "TRAINING_PASS triggers: the passes, up to 10000",
                    example = "[\"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f\"]")
            @Size(max = 10000) List<@NotNull UUID> passIds) {
    }

    /** How many messages were queued, and which of the people or passes asked for are unknown here. */
    record SendResult(int queued, List<String> unknown) {
    }

    @PostMapping("/triggers/{id}/send")
    @Operation(summary = "Send a trigger now", description = "Queues the trigger's message for today: for a "
            + "LEARNING_PLAN trigger to the given people assigned `planId`, for a TRAINING_PASS trigger about the "
            + "given passes. At most once per person or pass and day: the same send again that day queues nothing "
            + "more. Answers how many messages were queued and which people or passes this service does not know.")
    @ApiResponse(responseCode = "200", description = "How many messages were queued (0 on a repeat the same day), and "
            + "the unknown ids")
    @ApiResponse(responseCode = "409", description = "The trigger is disabled")
    SendResult send(@PathVariable UUID id, @Valid @RequestBody SendRequest r) {
        Trigger trigger = triggers.get(id);
        if (!trigger.enabled()) {
            throw new ConflictException("trigger " + trigger.abbreviation() + " is disabled");
        }
        LocalDate today = LocalDate.now(clock);
        List<Occurrence> occurrences = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (trigger.target() == Target.LEARNING_PLAN) {
            if (r.planId() == null || r.personIds() == null || r.personIds().isEmpty()) {
                throw new InvalidInputException("personIds", "a LEARNING_PLAN trigger is sent for a planId and personIds");
            }
            List<PlanFacts.Assignment> found = plans.assignments(r.planId(), r.personIds());
            found.forEach(a -> occurrences.add(plans.manual(a, today)));
            r.personIds().stream().filter(p -> found.stream().noneMatch(a -> a.personId().equals(p))).forEach(unknown::add);
        } else {
            if (r.passIds() == null || r.passIds().isEmpty()) {
                throw new InvalidInputException("passIds", "a TRAINING_PASS trigger is sent for passIds");
            }
            for (UUID passId : r.passIds()) {
                Occurrence o = passes.manual(passId, today);
                if (o == null) {
                    unknown.add(passId.toString());
                } else {
                    occurrences.add(o);
                }
            }
        }
        Integer queued = tx.execute(s -> occurrences.stream().mapToInt(o -> planner.planNow(trigger, o)).sum());
        return new SendResult(queued == null ? 0 : queued, unknown);
    }
}
