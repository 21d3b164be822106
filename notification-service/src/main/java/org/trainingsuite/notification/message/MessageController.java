package org.trainingsuite.notification.message;

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
class MessageController {

    private final MessageLog log;

    MessageController(MessageLog log) {
        this.log = log;
    }

    /** The delivery log: by person (recipient or the learner it is about), trigger, state and due day range. */
    @GetMapping("/messages")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<MessageLog.Entry> search(@RequestParam(required = false) String personId,
            @RequestParam(required = false) UUID triggerId,
            @RequestParam(required = false) @Pattern(regexp = "QUEUED|SENDING|SENT|FAILED|CANCELLED",
                    message = "must be QUEUED, SENDING, SENT, FAILED or CANCELLED") String state,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return PageResponse.of(log.search(new MessageLog.Filter(personId, triggerId, state, from, to),
                Paging.of(page, size, null, Set.of(), Sort.unsorted())), e -> e);
    }

    @GetMapping("/messages/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    MessageLog.Detail get(@PathVariable UUID id) {
        return log.get(id);
    }

    /** The messages sent to the caller. */
    @GetMapping("/me/notifications")
    PageResponse<MessageLog.Mine> mine(Authentication auth, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(log.mine(PlatformSecurity.personId(auth), Paging.of(page, size, null, Set.of(),
                Sort.unsorted())), m -> m);
    }
}
