package org.trainingsuite.directory.group;

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
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trainingsuite.directory.person.Person;
import org.trainingsuite.platform.web.PageResponse;
import org.trainingsuite.platform.web.Paging;

@RestController
@PreAuthorize("hasRole('ADMIN')")
class GroupController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    record GroupRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description) {
    }

    record DescribeGroupRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                                @NotNull Long version) {
    }

    record MembersRequest(@NotEmpty List<@NotBlank @Size(max = 64) String> personIds) {
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

    @PostMapping("/groups")
    ResponseEntity<GroupResponse> create(@Valid @RequestBody GroupRequest request) {
        PersonGroup group = groups.createGroup(request.name().trim(), request.description());
        return ResponseEntity.created(URI.create("/groups/" + group.getId())).body(GroupResponse.of(group));
    }

    @GetMapping("/groups/{id}")
    GroupResponse get(@PathVariable UUID id) {
        return GroupResponse.of(groups.get(id));
    }

    @PutMapping("/groups/{id}")
    GroupResponse describe(@PathVariable UUID id, @Valid @RequestBody DescribeGroupRequest request) {
        return GroupResponse.of(groups.describeGroup(id, request.name().trim(), request.description(), request.version()));
    }

    @GetMapping("/groups")
    PageResponse<GroupResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String sort) {
        return PageResponse.of(groups.search(q, Paging.of(page, size, sort, SORTABLE, Sort.by("name", "id"))),
                GroupResponse::of);
    }

    @GetMapping("/groups/{id}/members")
    PageResponse<MemberResponse> members(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(groups.members(id, Paging.of(page, size, null, Set.of(), Sort.by("name", "id"))),
                MemberResponse::of);
    }

    /** Adds people in bulk; all or nothing. */
    @PostMapping("/groups/{id}/members")
    MembershipResponse addMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return MembershipResponse.of(groups.addMembers(id, request.personIds()));
    }

    /** Removes people in bulk (a POST, since a DELETE with a body is poorly supported by clients and proxies). */
    @PostMapping("/groups/{id}/members/remove")
    MembershipResponse removeMembers(@PathVariable UUID id, @Valid @RequestBody MembersRequest request) {
        return MembershipResponse.of(groups.removeMembers(id, request.personIds()));
    }

    @DeleteMapping("/groups/{id}/members/{personId}")
    ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable String personId) {
        groups.removeMembers(id, List.of(personId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/people/{personId}/groups")
    PageResponse<GroupResponse> groupsOf(@PathVariable String personId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(groups.groupsOf(personId, Paging.of(page, size, null, Set.of(), Sort.by("name", "id"))),
                GroupResponse::of);
    }
}
