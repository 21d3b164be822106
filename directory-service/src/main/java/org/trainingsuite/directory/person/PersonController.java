package org.trainingsuite.directory.person;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
class PersonController {

    private static final Set<String> SORTABLE = Set.of("name", "email", "createdAt");

    private final PersonService people;

    PersonController(PersonService people) {
        this.people = people;
    }

    record CreatePersonRequest(
            @Pattern(regexp = "[A-Za-z0-9._@:-]{1,64}", message = "must be 1 to 64 letters, digits or . _ @ : -") String id,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            UUID accountId) {
    }

    record UpdatePersonRequest(@NotBlank @Size(max = 200) String name,
                               @NotBlank @Email @Size(max = 320) String email,
                               UUID accountId,
                               @NotNull Long version) {
    }

    record PersonResponse(String id, String name, String email, UUID accountId, long version, Instant createdAt,
                          Instant updatedAt) {

        static PersonResponse of(Person p) {
            return new PersonResponse(p.getId(), p.getName(), p.getEmail(), p.getAccountId(), p.getVersion(),
                    p.getCreatedAt(), p.getUpdatedAt());
        }
    }

    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PersonResponse> register(@Valid @RequestBody CreatePersonRequest request) {
        Person person = people.registerPerson(request.id(), request.name().trim(), request.email().trim(),
                request.accountId());
        return ResponseEntity.created(URI.create("/people/" + person.getId())).body(PersonResponse.of(person));
    }

    @GetMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PersonResponse get(@PathVariable String id) {
        return PersonResponse.of(people.get(id));
    }

    @PutMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PersonResponse update(@PathVariable String id, @Valid @RequestBody UpdatePersonRequest request) {
        return PersonResponse.of(people.updatePerson(id, request.name().trim(), request.email().trim(),
                request.accountId(), request.version()));
    }

    @GetMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<PersonResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) UUID accountId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(people.search(q, accountId, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                PersonResponse::of);
    }

    /** The caller's own profile: the person whose id is the token's subject. */
    @GetMapping("/me")
    PersonResponse me(Authentication authentication) {
        return PersonResponse.of(people.get(PlatformSecurity.personId(authentication)));
    }
}
