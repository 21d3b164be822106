package org.trainingsuite.notification.message;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
@Tag(name = "Messages", description = "The delivery log, which is also the schedule: every message planned, with its "
        + "state (QUEUED, SENDING, SENT, FAILED, CANCELLED), day due, attempts and history; and the messages a "
        + "signed-in person has received. A failed send is retried 1, 4, 16 and 64 minutes later (by default) and "
        + "is FAILED after its last attempt.")
class MessageController {

    private final MessageLog log;

    MessageController(MessageLog log) {
        this.log = log;
    }

    /** The delivery log: by person (recipient or the learner it is about), trigger, state and due day range. */
    @GetMapping("/messages")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Search the delivery log", description = "Messages by person, trigger, state and due day "
            + "(`from`..`to`, inclusive), each with its state, day due, attempts, last error, address and subject. The "
            + "latest due day comes first.")
    PageResponse<MessageLog.Entry> search(
            @Parameter(description = "A person: messages sent to them or about them (the learner a message concerns)")
            @RequestParam(required = false) String personId,
            @Parameter(description = "Only messages of this trigger") @RequestParam(required = false) UUID triggerId,
            @Parameter(description = "Only messages in this state: QUEUED, SENDING, SENT, FAILED or CANCELLED")
            @RequestParam(required = false) @Pattern(regexp = "QUEUED|SENDING|SENT|FAILED|CANCELLED",
                    message = "must be QUEUED, SENDING, SENT, FAILED or CANCELLED") String state,
            @Parameter(description = "First day due, inclusive (ISO date)")
            @RequestParam(required = false) LocalDate from,
            @Parameter(description = "Last day due, inclusive (ISO date); not before `from`")
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return PageResponse.of(log.search(new MessageLog.Filter(personId, triggerId, state, from, to),
                Paging.of(page, size, null, Set.of(), Sort.unsorted())), e -> e);
    }

    @GetMapping("/messages/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Read a message", description = "One message of the log with its history, oldest first: "
            + "queued, rescheduled, retried, sent, failed or cancelled, each with when and the details.")
    MessageLog.Detail get(@PathVariable UUID id) {
        return log.get(id);
    }

    /** The messages sent to the caller. */
    @GetMapping("/me/notifications")
    @Operation(summary = "List my notifications", description = "The messages sent to the caller, newest first: "
            + "subject, body, when it was sent and the abbreviation of the trigger that sent it. Messages not sent "
            + "(yet) are not listed.")
    PageResponse<MessageLog.Mine> mine(Authentication auth, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(log.mine(PlatformSecurity.personId(auth), Paging.of(page, size, null, Set.of(),
                Sort.unsorted())), m -> m);
    }
}
