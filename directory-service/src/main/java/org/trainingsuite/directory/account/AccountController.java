package org.trainingsuite.directory.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@RequestMapping("/accounts")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Accounts", description = "The organisations people belong to. Training passes are issued to an account "
        + "and given to its contacts. An account may carry its id in a CRM or billing system (`externalRef`), unique "
        + "across accounts.")
class AccountController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record AccountRequest(@Schema(description = "The organisation's name", example = "Northwind Logistics")
                          @NotBlank @Size(max = 200) String name,
                          @Schema(description = "Its id in a CRM or billing system, if any; unique across accounts",
                                  example = "CRM-004711")
                          @Size(max = 100) String externalRef) {
    }

    record RenameAccountRequest(@Schema(description = "The organisation's name", example = "Northwind Logistics")
                                @NotBlank @Size(max = 200) String name,
                                @Schema(description = "Its id in a CRM or billing system; left out or blank, the "
                                        + "account has none", example = "CRM-004711")
                                @Size(max = 100) String externalRef,
                                @Schema(description = "The version last read; if the account changed since, the "
                                        + "update is refused with 409", example = "0")
                                @NotNull Long version) {
    }

    record AccountResponse(UUID id, String name, String externalRef, long version, Instant createdAt, Instant updatedAt) {

        static AccountResponse of(Account a) {
            return new AccountResponse(a.getId(), a.getName(), a.getExternalRef(), a.getVersion(), a.getCreatedAt(),
                    a.getUpdatedAt());
        }
    }

    @Operation(summary = "Open an account",
            description = "Creates an account. An `externalRef` another account has is refused with 409. Answers the "
                    + "account, with its address in `Location`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<AccountResponse> open(@Valid @RequestBody AccountRequest request) {
        Account account = accounts.openAccount(request.name().trim(), blankToNull(request.externalRef()));
        return ResponseEntity.created(URI.create("/accounts/" + account.getId())).body(AccountResponse.of(account));
    }

    @Operation(summary = "Read an account",
            description = "An account, with the `version` to send back when updating it.")
    @GetMapping("/{id}")
    AccountResponse get(@PathVariable UUID id) {
        return AccountResponse.of(accounts.get(id));
    }

    @Operation(summary = "Update an account",
            description = "Replaces the name and `externalRef` of an account (left out or blank, it has none). Send "
                    + "the `version` last read: if someone changed the account meanwhile the answer is 409, as it is "
                    + "for an `externalRef` another account has. Answers the account as it is now.")
    @PutMapping("/{id}")
    AccountResponse rename(@PathVariable UUID id, @Valid @RequestBody RenameAccountRequest request) {
        return AccountResponse.of(accounts.renameAccount(id, request.name().trim(), blankToNull(request.externalRef()),
                request.version()));
    }

    @Operation(summary = "Search accounts",
            description = "Finds accounts whose name or `externalRef` contains `q`, ignoring case. Sorted by name "
                    + "unless `sort` names `name` or `createdAt` (add `,desc` to reverse). Answers one page of "
                    + "accounts.")
    @GetMapping
    PageResponse<AccountResponse> search(
            @Parameter(description = "Text the name or external reference contains, ignoring case; every account when "
                    + "left out")
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(accounts.search(q, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                AccountResponse::of);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
