package org.trainingsuite.directory.group;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.directory.person.Person;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Groups and memberships", description = "Groups of people, so that a learning plan can be assigned to a "
        + "whole group. Group names are unique, ignoring case. Members are added and removed in bulk, and every join "
        + "and leave is announced, in order for each group, to the services that keep group assignments live.")
class GroupController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    record GroupRequest(@Schema(description = "The group's name; unique, ignoring case",
                                example = "New hires, Lyon site")
                        @NotBlank @Size(max = 200) String name,
                        @Schema(description = "What the group is for",
                                example = "Everyone who joined the Lyon site this year")
                        @Size(max = 2000) String description) {
    }

    record DescribeGroupRequest(@Schema(description = "The group's name; unique, ignoring case",
                                        example = "New hires, Lyon site")
                                @NotBlank @Size(max = 200) String name,
                                @Schema(description = "What the group is for; left out, the group has no description",
                                        example = "Everyone who joined the Lyon site this year")
                                @Size(max = 2000) String description,
                                @Schema(description = "The version last read; if the group changed since, the update "
                                        + "is refused with 409", example = "0")
                                @NotNull Long version) {
    }

    record MembersRequest(@Schema(description = "The people's ids (their token subjects), at least one; an id listed "
                                  + "twice counts once",
                                  example = "[\"0b5e8f3a-6c2d-4e1f-9a7b-3c4d5e6f7a8b\", "
                                          + "\"7d1f4e2a-3b9c-4a8e-b5d6-0f1e2a3b4c5d\"]")
                          @NotEmpty List<@NotBlank @Size(max = 64) String> personIds) {
    }

    record GroupResponse(UUID id, String name, String description, long version, Instant createdAt, Instant updatedAt) {

        static GroupResponse of(PersonGroup g) {
            return new GroupResponse(g.getId(), g.getName(), g.getDescription(), g.getVersion(), g.getCreatedAt(),
                    g.getUpdatedAt());
        }
    }

    record MemberResponse(String personId, String name, String email, UUID accountId) {

        static MemberResponse of(Person p) {
            return new MemberResponse(p.getId(), p.getName(), p.getEmail(), p.getAccountId());
        }
    }

    /**
     * @param changed   people added (or removed) by this request
     * @param unchanged people who were already in (or already out of) the group
     */
    record MembershipResponse(UUID groupId, List<String> changed, int unchanged) {

        static MembershipResponse of(GroupService.MembershipResult r) {
            return new MembershipResponse(r.groupId(), r.changed(), r.unchanged());
        }
    }

    @Operation(summary = "Create a group",
            description = "Creates a group with no members. A name another group has, ignoring case, is refused with "
                    + "409. Answers the group, with its address in `Location`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/groups")
    ResponseEntity<GroupResponse> create(@Valid @RequestBody GroupRequest request) {
        PersonGroup group = groups.createGroup(request.name().trim(), request.description());
        return ResponseEntity.created(URI.create("/groups/" + group.getId())).body(GroupResponse.of(group));
    }

    @Operation(summary = "Read a group",
            description = "A group, with the `version` to send back when updating it.")
    @GetMapping("/groups/{id}")
    GroupResponse get(@PathVariable UUID id) {
        return GroupResponse.of(groups.get(id));
    }

    @Operation(summary = "Update a group",
            description = "Replaces the name and description of a group (leaving `description` out removes it); the "
                    + "members stay. Send the `version` last read: if someone changed the group meanwhile the answer "
                    + "is 409, as it is for a name another group has. Answers the group as it is now.")
    @PutMapping("/groups/{id}")
    GroupResponse describe(@PathVariable UUID id, @Valid @RequestBody DescribeGroupRequest request) {
        return GroupResponse.of(groups.describeGroup(id, request.name().trim(), request.description(), request.version()));
    }

    @Operation(summary = "Search groups",
            description = "Finds groups whose name contains `q`, ignoring case. Sorted by name unless `sort` names "
                    + "`name` or `createdAt` (add `,desc` to reverse). Answers one page of groups.")
    @GetMapping("/groups")
    PageResponse<GroupResponse> search(
            @Parameter(description = "Text the name contains, ignoring case; every group when left out")
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(groups.search(q, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                GroupResponse::of);
    }

    @Operation(summary = "List the members of a group",
            description = "One page of the group's members, by name, each with id, name, email and account.")
    @GetMapping("/groups/{id}/members")
    PageResponse<MemberResponse> members(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(groups.members(id, Paging.of(page, size, null, Set.of(), Sort.by("name", "id"))),
                MemberResponse::of);
    }

    /** Adds people in bulk; all or nothing. */
    @Operation(summary = "Add members to a group",
            description = "Adds the people listed, all or nothing: if any id is unknown the answer is a 400 naming "
                    + "them and nobody is added, so a sync can be retried as a whole. There is no limit on the number "
                    + "of ids (the body may be up to 8 MiB). Answers who was added (`changed`) and how many were "
                    + "members already (`unchanged`); each person added is announced by one event.")
    @PostMapping("/groups/{id}/members")
    MembershipResponse addMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return MembershipResponse.of(groups.addMembers(id, request.personIds()));
    }

    /** Removes people in bulk (a POST, since a DELETE with a body is poorly supported by clients and proxies). */
    @Operation(summary = "Remove members from a group",
            description = "Removes the people listed (a POST, since a DELETE with a body is poorly supported by "
                    + "clients and proxies). Ids of people who are not members, or not in the directory at all, are "
                    + "counted as `unchanged`; nothing is refused. Answers who was removed (`changed`); each person "
                    + "removed is announced by one event.")
    @PostMapping("/groups/{id}/members/remove")
    MembershipResponse removeMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return MembershipResponse.of(groups.removeMembers(id, request.personIds()));
    }

    @Operation(summary = "Remove a member from a group",
            description = "Removes one person from the group. Answers 204 whether or not they were a member.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/groups/{id}/members/{personId}")
    ResponseEntity<Void> removeMember(@PathVariable UUID id,
            @Parameter(description = "The person's id (their token subject)") @PathVariable String personId) {
        groups.removeMembers(id, List.of(personId));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "List the groups of a person",
            description = "One page of the groups a person belongs to, by name. 404 when the person is not in the "
                    + "directory.")
    @GetMapping("/people/{personId}/groups")
    PageResponse<GroupResponse> groupsOf(
            @Parameter(description = "The person's id (their token subject)") @PathVariable String personId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(groups.groupsOf(personId, Paging.of(page, size, null, Set.of(), Sort.by("name", "id"))),
                GroupResponse::of);
    }
}
