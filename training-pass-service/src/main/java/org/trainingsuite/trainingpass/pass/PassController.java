package org.trainingsuite.trainingpass.pass;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;
import org.trainingsuite.trainingpass.pass.PassResponses.HistoryResponse;
import org.trainingsuite.trainingpass.pass.PassResponses.PassResponse;

@RestController
@Tag(name = "Passes", description = "Training passes issued to accounts and their contacts: issuing, the list with "
        + "its filters, the assignment history, renew, extend, cancel and reassign, and the access check. Dates are "
        + "calendar days in UTC; a pass gives access from its issue date through its expiry date and its status is "
        + "always answered as of today.")
class PassController {

    private static final Set<String> SORTABLE = Set.of("issuedOn", "expiresOn", "createdAt");

    private final PassService passes;

    PassController(PassService passes) {
        this.passes = passes;
    }

    record IssuePassRequest(
            @Schema(description = "A published pass type", example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
            @NotNull UUID passTypeId,
            @Schema(description = "A published option of that pass type",
                    example = "9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e")
            @NotNull UUID optionId,
            @Schema(description = "The account the pass belongs to; the directory must know it",
                    example = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9")
            @NotNull UUID accountId,
            @Schema(description = "Optional: the person (a contact of the account) who holds the pass",
                    example = "8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60")
            @Size(max = 64) String contactId,
            @Schema(description = "Optional: an expiry date instead of today plus the option's period; not in the past",
                    example = "2027-12-31")
            LocalDate expiresOn) {
    }

    @Schema(description = "Either `optionId` or `expiresOn`, not both",
            example = "{\"optionId\": \"9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e\"}")
    record RenewRequest(
            @Schema(description = "Renew for this published option's period (of the pass's type); the pass then has "
                    + "this option", example = "9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e")
            UUID optionId,
            @Schema(description = "Renew to this date: later than the current expiry and not in the past",
                    example = "2028-06-30")
            LocalDate expiresOn) {
    }

    record ExtendRequest(
            @Schema(description = "The new expiry date, earlier or later, not before the issue date",
                    example = "2027-06-30")
            @NotNull LocalDate expiresOn) {
    }

    record CancelRequest(
            @Schema(description = "Optional: why the pass is cancelled; kept in the history and sent with the event",
                    example = "Left the company")
            @Size(max = 500) String reason,
            @Schema(description = "Must be true: cancelling revokes access at once and for good", example = "true")
            @NotNull @AssertTrue(message = "must be true: cancelling revokes access at once and for good") Boolean confirm) {
    }

    record ReassignRequest(
            @Schema(description = "The person to move the pass to: a contact of the pass's account",
                    example = "8d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f60")
            @NotBlank @Size(max = 64) String contactId) {
    }

    @PostMapping("/passes")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a pass", description = "Issues a pass of a published pass type and option to an "
            + "account the directory knows, optionally held by one of the account's contacts. It starts today and "
            + "expires after the option's period, unless `expiresOn` sets the date. Answers the pass, with its address "
            + "in `Location`.")
    @ApiResponse(responseCode = "201", description = "The pass, ACTIVE")
    @ApiResponse(responseCode = "409", description = "The pass type or the option is not published")
    ResponseEntity<PassResponse> issue(@Valid @RequestBody IssuePassRequest request, Authentication auth) {
        Pass pass = passes.issuePass(request.passTypeId(), request.optionId(), request.accountId(), request.contactId(),
                request.expiresOn(), PlatformSecurity.personId(auth));
        return ResponseEntity.created(URI.create("/passes/" + pass.getId())).body(PassResponse.of(pass, passes.today()));
    }

    @GetMapping("/passes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List passes", description = "Passes by account, contact, pass type, status as of today (an "
            + "ACTIVE pass past its expiry counts as EXPIRED) and \"active between\": the pass's issue..expiry "
            + "overlaps `activeFrom`..`activeTo`. Sorted by issue date unless `sort` names `issuedOn`, `expiresOn` or "
            + "`createdAt`.")
    PageResponse<PassResponse> search(
            @Parameter(description = "Only passes of this account") @RequestParam(required = false) UUID accountId,
            @Parameter(description = "Only passes held by this person")
            @RequestParam(required = false) String contactId,
            @Parameter(description = "Only passes of this pass type") @RequestParam(required = false) UUID passTypeId,
            @Parameter(description = "Only passes in this status as of today")
            @RequestParam(required = false) PassStatus status,
            @Parameter(description = "Start of the \"active between\" period, inclusive")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeFrom,
            @Parameter(description = "End of the \"active between\" period, inclusive; not before `activeFrom`")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeTo,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        LocalDate today = passes.today();
        return PageResponse.of(passes.search(new PassService.PassFilter(accountId, contactId, passTypeId, status, activeFrom,
                activeTo), Paging.of(page, size, sort, SORTABLE, Sort.by("issuedOn", "id"))), p -> PassResponse.of(p, today));
    }

    @GetMapping("/passes/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Read a pass", description = "The pass: its type and option, account and contact, status as "
            + "of today, issue and expiry dates, the order and opportunity it came from, the cancel reason and its "
            + "`version`, which grows with every change.")
    PassResponse get(@PathVariable UUID id) {
        return PassResponse.of(passes.get(id), passes.today());
    }

    @GetMapping("/passes/{id}/history")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Read the assignment history of a pass", description = "Every change to the pass, oldest "
            + "first: issued, renewed, extended, cancelled, reassigned and expired, each with who made it and when, "
            + "and the contact and expiry before and after.")
    List<HistoryResponse> history(@PathVariable UUID id) {
        return passes.history(id).stream().map(HistoryResponse::of).toList();
    }

    /** Renews with an option's period or to an explicit date; a communication trigger. */
    @PostMapping("/passes/{id}/renew")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Renew a pass", description = "Sets a new expiry from an option or a date. An option's period "
            + "is added to the current expiry if the pass still runs, else to today, and an expired pass becomes "
            + "ACTIVE again; a date must be later than the current expiry and not in the past (to shorten a pass, "
            + "extend it). Emits `training-pass.pass.renewed.v1`, on which communication triggers can send a message.")
    @ApiResponse(responseCode = "200", description = "The pass as renewed")
    @ApiResponse(responseCode = "409", description = "The pass is cancelled: issue a new one")
    PassResponse renew(@PathVariable UUID id, @Valid @RequestBody RenewRequest request, Authentication auth) {
        return PassResponse.of(passes.renew(id, request.optionId(), request.expiresOn(), PlatformSecurity.personId(auth)),
                passes.today());
    }

    /** Sets a new expiry date; no communication. */
    @PostMapping("/passes/{id}/extend")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Extend a pass", description = "Sets a new expiry date by hand, earlier or later, not before "
            + "the issue date: a date in the past makes the pass expire at the next run of the expiry job, a date from "
            + "today on makes an expired pass ACTIVE again. No message is sent (pending expiry reminders move); the "
            + "current date again changes nothing.")
    @ApiResponse(responseCode = "200", description = "The pass with its new expiry")
    @ApiResponse(responseCode = "409", description = "The pass is cancelled: issue a new one")
    PassResponse extend(@PathVariable UUID id, @Valid @RequestBody ExtendRequest request, Authentication auth) {
        return PassResponse.of(passes.extend(id, request.expiresOn(), PlatformSecurity.personId(auth)), passes.today());
    }

    /** Cancels for good; needs {@code "confirm": true}. Cancelling a cancelled pass changes nothing. */
    @PostMapping("/passes/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Cancel a pass", description = "Cancels the pass for good and takes its access away at once; "
            + "the body must say `\"confirm\": true`. A cancelled pass can no longer be renewed, extended or "
            + "reassigned: access again means a new pass. Cancelling a cancelled pass changes nothing and emits no "
            + "second event.")
    PassResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request, Authentication auth) {
        return PassResponse.of(passes.cancel(id, request.reason(), PlatformSecurity.personId(auth)), passes.today());
    }

    /** Moves the pass to another contact of the same account. */
    @PostMapping("/passes/{id}/reassign")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reassign a pass", description = "Moves the pass to another contact of its account, as the "
            + "directory knows it (another person is a 400 on `contactId`). The expiry does not move. Reassigning to "
            + "the current holder changes nothing.")
    @ApiResponse(responseCode = "200", description = "The pass with its new holder")
    @ApiResponse(responseCode = "409", description = "The pass is cancelled")
    PassResponse reassign(@PathVariable UUID id, @Valid @RequestBody ReassignRequest request, Authentication auth) {
        return PassResponse.of(passes.reassign(id, request.contactId().trim(), PlatformSecurity.personId(auth)),
                passes.today());
    }

    /** Internal access check (catalog-service, admins): does this person hold an active pass including this item. */
    @GetMapping("/access")
    @PreAuthorize("hasAnyRole('ADMIN', 'SERVICE')")
    @Operation(summary = "Check access to an item for a person", description = "Whether the person holds a pass, "
            + "active today, whose type includes the catalog item, and which pass: the one running longest when "
            + "several do. Passes of archived pass types still count. catalog-service calls it for Access Now.")
    PassService.Access access(
            @Parameter(description = "The person (the `sub` of their token)") @RequestParam @NotBlank String personId,
            @Parameter(description = "The catalog item's id") @RequestParam @NotBlank String itemId) {
        return passes.access(personId, itemId);
    }
}
