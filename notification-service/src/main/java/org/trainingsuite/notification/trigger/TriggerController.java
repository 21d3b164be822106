package org.trainingsuite.notification.trigger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Communication triggers", description = "Communication triggers: which event of a training pass or a "
        + "learning plan sends which template, on which days around it, for which pass types or plans, to whom, and "
        + "whether automatically. Messages are planned the day their facts are known, once per trigger, occurrence, "
        + "offset and recipient.")
class TriggerController {

    private final TriggerService triggers;

    TriggerController(TriggerService triggers) {
        this.triggers = triggers;
    }

    @Schema(description = "A communication trigger as an admin sets it",
            example = "{\"name\": \"Annual pass expiry warning\", \"abbreviation\": \"EXP30\", "
                    + "\"templateId\": \"3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d\", "
                    + "\"fromAddress\": \"training@example.org\", "
                    + "\"target\": \"TRAINING_PASS\", \"event\": \"EXPIRED\", "
                    + "\"passTypeIds\": [\"6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"], \"offsetsDays\": [-30, -7], "
                    + "\"audienceLearner\": true, \"audienceAccountContacts\": false, \"extraAddresses\": [], "
                    + "\"automated\": true, \"enabled\": true, \"version\": 0}")
    record TriggerRequest(
            @Schema(description = "What admins call the trigger", example = "Annual pass expiry warning")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "A short code, unique: 1 to 20 letters, digits, - or _", example = "EXP30")
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "1 to 20 letters, digits, - or _") String abbreviation,
            @Schema(description = "The template it sends", example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
            @NotNull UUID templateId,
            @Schema(description = "The sender address of its messages", example = "training@example.org")
            @NotBlank @Email @Size(max = 320) String fromAddress,
            @Schema(description = "What it watches", example = "TRAINING_PASS")
            @NotNull Target target,
            @Schema(description = "The event it reacts to, whose date the offsets count from: ISSUED (issue date), "
                    + "RENEWED, CANCELLED (the day it happened) or EXPIRED (the expiry date) for TRAINING_PASS; "
                    + "ASSIGNED, REGISTERED or DEADLINE (the person's due date) for LEARNING_PLAN", example = "EXPIRED")
            @NotNull TriggerEvent event,
            @Schema(description = "TRAINING_PASS only: the pass types it applies to; none means every pass type",
                    example = "[\"6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d\"]")
            @Size(max = 1000) List<@NotNull UUID> passTypeIds,
            @Schema(description = "LEARNING_PLAN only: the plans it applies to; none means every plan", example = "[]")
            @Size(max = 1000) List<@NotNull UUID> planIds,
            @Schema(description = "Days from the event's date to send on, negative for before (-30: 30 days before a "
                    + "pass expires), up to 20; none means the day itself", example = "[-30, -7]")
            @Size(max = 20) List<@NotNull @Min(-3650) @Max(3650) Integer> offsetsDays,
            @Schema(description = "DEADLINE only, with `repeatMax`: an overdue reminder every this many days after the "
                    + "due date", example = "7")
            @Min(1) @Max(365) Integer repeatEveryDays,
            @Schema(description = "DEADLINE only, with `repeatEveryDays`: at most this many overdue reminders",
                    example = "3")
            @Min(1) @Max(100) Integer repeatMax,
            @Schema(description = "Send to the learner (the pass's contact, the person assigned the plan); default "
                    + "true", example = "true")
            Boolean audienceLearner,
            @Schema(description = "TRAINING_PASS only: also send to the people of the pass's account (the learner "
                    + "once); default false", example = "false")
            Boolean audienceAccountContacts,
            @Schema(description = "Further addresses that receive each message, up to 50",
                    example = "[\"training-office@example.org\"]")
            @Size(max = 50) List<@NotBlank @Email @Size(max = 320) String> extraAddresses,
            @Schema(description = "Send on the events by itself (default true); when false, only an admin's manual "
                    + "send sends it", example = "true")
            Boolean automated,
            @Schema(description = "Default true; the pending messages of a disabled trigger are cancelled when they "
                    + "come due", example = "true")
            Boolean enabled,
            @Schema(description = "The version last read: required to change a trigger (a stale one is refused with "
                    + "409), ignored when creating", example = "0")
            Long version) {

        TriggerService.Spec spec() {
            return new TriggerService.Spec(name.trim(), abbreviation, templateId, fromAddress, target, event, passTypeIds,
                    planIds, offsetsDays, repeatEveryDays, repeatMax, audienceLearner == null || audienceLearner,
                    Boolean.TRUE.equals(audienceAccountContacts), extraAddresses, automated == null || automated,
                    enabled == null || enabled);
        }
    }

    @PostMapping("/triggers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a trigger", description = "Saves a communication trigger, checked as a whole: the "
            + "event must be one of the target's, `passTypeIds`, `planIds` and `audienceAccountContacts` must fit the "
            + "target, repeats are for DEADLINE only, it needs an audience and `templateId` must name a template (404 "
            + "otherwise). It applies to the facts that arrive from then on. Answers the trigger, with its address in "
            + "`Location`.")
    @ApiResponse(responseCode = "201", description = "The trigger, at version 0")
    @ApiResponse(responseCode = "409", description = "A trigger with this abbreviation exists already")
    ResponseEntity<Trigger> create(@Valid @RequestBody TriggerRequest r) {
        Trigger t = triggers.create(r.spec());
        return ResponseEntity.created(URI.create("/triggers/" + t.id())).body(t);
    }

    @PutMapping("/triggers/{id}")
    @Operation(summary = "Change a trigger", description = "Replaces the trigger's settings, checked as when created; "
            + "`version` must be the version last read. The change applies to the facts that arrive from then on; "
            + "messages already planned are sent with the trigger's template and sender as they are when due.")
    @ApiResponse(responseCode = "200", description = "The trigger as changed, with its new version")
    @ApiResponse(responseCode = "409", description = "Another trigger has this abbreviation, or the trigger was "
            + "changed since `version` was read (read it "
            + "again)")
    Trigger change(@PathVariable UUID id, @Valid @RequestBody TriggerRequest r) {
        if (r.version() == null) {
            throw new InvalidInputException("version", "must be the version read");
        }
        return triggers.change(id, r.spec(), r.version());
    }

    @GetMapping("/triggers/{id}")
    @Operation(summary = "Read a trigger", description = "The trigger's settings, with the defaults applied, and its "
            + "`version`, which a change must send back.")
    Trigger get(@PathVariable UUID id) {
        return triggers.get(id);
    }

    @GetMapping("/triggers")
    @Operation(summary = "List triggers", description = "Every trigger, by name.")
    PageResponse<Trigger> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PageResponse.of(triggers.all(Paging.of(page, size, null, Set.of(), Sort.unsorted())), t -> t);
    }
}
