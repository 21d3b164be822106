package org.trainingsuite.directory.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@RequestMapping("/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record AccountRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String externalRef) {
    }

    record RenameAccountRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String externalRef,
                                @NotNull Long version) {
    }

    record AccountResponse(UUID id, String name, String externalRef, long version, Instant createdAt, Instant updatedAt) {

        static AccountResponse of(Account a) {
            return new AccountResponse(a.getId(), a.getName(), a.getExternalRef(), a.getVersion(), a.getCreatedAt(),
                    a.getUpdatedAt());
        }
    }

    @PostMapping
    ResponseEntity<AccountResponse> open(@Valid @RequestBody AccountRequest request) {
        Account account = accounts.openAccount(request.name().trim(), blankToNull(request.externalRef()));
        return ResponseEntity.created(URI.create("/accounts/" + account.getId())).body(AccountResponse.of(account));
    }

    @GetMapping("/{id}")
    AccountResponse get(@PathVariable UUID id) {
        return AccountResponse.of(accounts.get(id));
    }

    @PutMapping("/{id}")
    AccountResponse rename(@PathVariable UUID id, @Valid @RequestBody RenameAccountRequest request) {
        return AccountResponse.of(accounts.renameAccount(id, request.name().trim(), blankToNull(request.externalRef()),
                request.version()));
    }

    @GetMapping
    PageResponse<AccountResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(accounts.search(q, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                AccountResponse::of);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
