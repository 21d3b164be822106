package org.trainingsuite.trainingpass.pass;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;
import org.trainingsuite.trainingpass.pass.PassResponses.HistoryResponse;
import org.trainingsuite.trainingpass.pass.PassResponses.PassResponse;

@RestController
class PassController {

    private static final Set<String> SORTABLE = Set.of("issuedOn", "expiresOn", "createdAt");

    private final PassService passes;

    PassController(PassService passes) {
        this.passes = passes;
    }

    record IssuePassRequest(@NotNull UUID passTypeId, @NotNull UUID optionId, @NotNull UUID accountId,
                            @Size(max = 64) String contactId, LocalDate expiresOn) {
    }

    record RenewRequest(UUID optionId, LocalDate expiresOn) {
    }

    record ExtendRequest(@NotNull LocalDate expiresOn) {
    }

    record CancelRequest(@Size(max = 500) String reason,
                         @NotNull @AssertTrue(message = "must be true: cancelling revokes access at once and for good") Boolean confirm) {
    }

    record ReassignRequest(@NotBlank @Size(max = 64) String contactId) {
    }

    @PostMapping("/passes")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PassResponse> issue(@Valid @RequestBody IssuePassRequest request, Authentication auth) {
        Pass pass = passes.issuePass(request.passTypeId(), request.optionId(), request.accountId(), request.contactId(),
                request.expiresOn(), PlatformSecurity.personId(auth));
        return ResponseEntity.created(URI.create("/passes/" + pass.getId())).body(PassResponse.of(pass, passes.today()));
    }

    @GetMapping("/passes")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<PassResponse> search(@RequestParam(required = false) UUID accountId,
            @RequestParam(required = false) String contactId, @RequestParam(required = false) UUID passTypeId,
            @RequestParam(required = false) PassStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeTo,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        LocalDate today = passes.today();
        return PageResponse.of(passes.search(new PassService.PassFilter(accountId, contactId, passTypeId, status, activeFrom,
                activeTo), Paging.of(page, size, sort, SORTABLE, Sort.by("issuedOn", "id"))), p -> PassResponse.of(p, today));
    }

    @GetMapping("/passes/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PassResponse get(@PathVariable UUID id) {
        return PassResponse.of(passes.get(id), passes.today());
    }

    @GetMapping("/passes/{id}/history")
    @PreAuthorize("hasRole('ADMIN')")
    List<HistoryResponse> history(@PathVariable UUID id) {
        return passes.history(id).stream().map(HistoryResponse::of).toList();
    }

    /** Renews with an option's period or to an explicit date; a communication trigger. */
    @PostMapping("/passes/{id}/renew")
    @PreAuthorize("hasRole('ADMIN')")
    PassResponse renew(@PathVariable UUID id, @Valid @RequestBody RenewRequest request, Authentication auth) {
        return PassResponse.of(passes.renew(id, request.optionId(), request.expiresOn(), PlatformSecurity.personId(auth)),
                passes.today());
    }

    /** Sets a new expiry date; no communication. */
    @PostMapping("/passes/{id}/extend")
    @PreAuthorize("hasRole('ADMIN')")
    PassResponse extend(@PathVariable UUID id, @Valid @RequestBody ExtendRequest request, Authentication auth) {
        return PassResponse.of(passes.extend(id, request.expiresOn(), PlatformSecurity.personId(auth)), passes.today());
    }

    /** Cancels for good; needs {@code "confirm": true}. Cancelling a cancelled pass changes nothing. */
    @PostMapping("/passes/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    PassResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request, Authentication auth) {
        return PassResponse.of(passes.cancel(id, request.reason(), PlatformSecurity.personId(auth)), passes.today());
    }

    /** Moves the pass to another contact of the same account. */
    @PostMapping("/passes/{id}/reassign")
    @PreAuthorize("hasRole('ADMIN')")
    PassResponse reassign(@PathVariable UUID id, @Valid @RequestBody ReassignRequest request, Authentication auth) {
        return PassResponse.of(passes.reassign(id, request.contactId().trim(), PlatformSecurity.personId(auth)),
                passes.today());
    }

    /** Internal access check (catalog-service, admins): does this person hold an active pass including this item. */
    @GetMapping("/access")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    PassService.Access access(@RequestParam @NotBlank String personId, @RequestParam @NotBlank String itemId) {
        return passes.access(personId, itemId);
    }
}
