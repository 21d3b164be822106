package org.trainingsuite.directory.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;
import org.trainingsuite.platform.web.PlatformSecurity;

@RestController
@Tag(name = "People", description = "The people of the suite: learners, professionals and the contacts of customer "
        + "accounts are one kind of record, known by one id everywhere. The id is the person's token subject at the "
        + "identity provider. Emails are unique, ignoring case.")
class PersonController {

    private static final Set<String> SORTABLE = Set.of("name", "email", "createdAt");

    private final PersonService people;

    PersonController(PersonService people) {
        this.people = people;
    }

    record CreatePersonRequest(
            @Schema(description = "The person's id: their token subject at the identity provider, 1 to 64 letters, "
                    + "digits or . _ @ : -. Leave it out to have the directory make a UUID.",
                    example = "0b5e8f3a-6c2d-4e1f-9a7b-3c4d5e6f7a8b")
            @Pattern(regexp = "[A-Za-z0-9._@:-]{1,64}", message = "must be 1 to 64 letters, digits or . _ @ : -") String id,
            @Schema(description = "Full name", example = "Ada Lovelace")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Email address, where the person is notified; unique in the directory, ignoring case",
                    example = "ada.lovelace@example.org")
            @NotBlank @Email @Size(max = 320) String email,
            @Schema(description = "The account (organisation) the person belongs to, if any; it must exist",
                    example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
            UUID accountId) {
    }

    record UpdatePersonRequest(@Schema(description = "Full name", example = "Ada Lovelace")
                               @NotBlank @Size(max = 200) String name,
                               @Schema(description = "Email address; unique in the directory, ignoring case",
                                       example = "ada.lovelace@example.org")
                               @NotBlank @Email @Size(max = 320) String email,
                               @Schema(description = "The account the person belongs to; left out, the person belongs "
                                       + "to no account", example = "3f2b6c1e-8a4d-4c1b-9e7a-2d5f6a7b8c9d")
                               UUID accountId,
                               @Schema(description = "The version last read; if the person changed since, the update "
                                       + "is refused with 409", example = "0")
                               @NotNull Long version) {
    }

    record PersonResponse(String id, String name, String email, UUID accountId, long version, Instant createdAt,
                          Instant updatedAt) {

        static PersonResponse of(Person p) {
            return new PersonResponse(p.getId(), p.getName(), p.getEmail(), p.getAccountId(), p.getVersion(),
                    p.getCreatedAt(), p.getUpdatedAt());
        }
    }

    @Operation(summary = "Register a person",
            description = "Registers a person under the id the identity provider knows them by, or under a new UUID "
                    + "when `id` is left out. An id or an email (ignoring case) already registered is refused with "
                    + "409; an unknown `accountId` is a 400. Answers the person, with its address in `Location`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PersonResponse> register(@Valid @RequestBody CreatePersonRequest request) {
        Person person = people.registerPerson(request.id(), request.name().trim(), request.email().trim(),
                request.accountId());
        return ResponseEntity.created(URI.create("/people/" + person.getId())).body(PersonResponse.of(person));
    }

    @Operation(summary = "Read a person",
            description = "A person's record, with the `version` to send back when updating it.")
    @GetMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PersonResponse get(@Parameter(description = "The person's id (their token subject)") @PathVariable String id) {
        return PersonResponse.of(people.get(id));
    }

    @Operation(summary = "Update a person",
            description = "Replaces the name, email and account of a person: leaving `accountId` out takes them out of "
                    + "their account. Send the `version` last read; if someone changed the person meanwhile the answer "
                    + "is 409: read again and retry. An email another person has is a 409, an unknown account a 400. "
                    + "Answers the person as it is now.")
    @PutMapping("/people/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    PersonResponse update(@Parameter(description = "The person's id (their token subject)") @PathVariable String id,
            @Valid @RequestBody UpdatePersonRequest request) {
        return PersonResponse.of(people.updatePerson(id, request.name().trim(), request.email().trim(),
                request.accountId(), request.version()));
    }

    @Operation(summary = "Search people",
            description = "Finds people whose name or email contains `q`, ignoring case, optionally only those of one "
                    + "account. Sorted by name unless `sort` names `name`, `email` or `createdAt` (add `,desc` to "
                    + "reverse). Answers one page of people.")
    @GetMapping("/people")
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<PersonResponse> search(
            @Parameter(description = "Text the name or email contains, ignoring case; everyone when left out")
            @RequestParam(required = false) String q,
            @Parameter(description = "Only the people of this account")
            @RequestParam(required = false) UUID accountId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
        return PageResponse.of(people.search(q, accountId, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                PersonResponse::of);
    }

    /** The caller's own profile: the person whose id is the token's subject. */
    @Operation(summary = "Read my profile",
            description = "The caller's own record: the person whose id is the subject of the bearer token. 404 when "
                    + "that subject is not registered in the directory.")
    @GetMapping("/me")
    PersonResponse me(Authentication authentication) {
        return PersonResponse.of(people.get(PlatformSecurity.personId(authentication)));
    }
}
