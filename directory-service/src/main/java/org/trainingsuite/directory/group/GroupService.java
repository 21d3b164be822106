package org.trainingsuite.directory.group;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.trainingsuite.directory.DirectoryEventTypes;
import org.trainingsuite.directory.person.Person;
import org.trainingsuite.directory.person.PersonRepository;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.messaging.outbox.Outbox;
import org.trainingsuite.platform.web.LikePattern;

@Service
public class GroupService {

    /** Ids looked up per query in bulk changes; keeps IN lists and memory bounded for any batch size. */
    static final int CHUNK = 1000;

    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final PersonRepository people;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    GroupService(GroupRepository groups, MembershipRepository memberships, PersonRepository people, Outbox outbox,
            JdbcTemplate jdbc, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.people = people;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a bulk change did: who was changed and how many were already as asked. */
    public record MembershipResult(UUID groupId, List<String> changed, int unchanged) {
    }

    @Transactional
    public PersonGroup createGroup(String name, String description) {
        if (groups.nameTakenByOther(name, new UUID(0, 0))) {
            throw new ConflictException("a group named " + name + " exists already");
        }
        PersonGroup group = groups.saveAndFlush(PersonGroup.create(name, description, clock.instant()));
        outbox.record(DirectoryEventTypes.GROUP_CREATED, group.getId().toString(), GroupChanged.of(group));
        return group;
    }

    @Transactional
    public PersonGroup describeGroup(UUID id, String name, String description, long expectedVersion) {
        PersonGroup group = get(id);
        if (group.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("group " + id + " is at version " + group.getVersion());
        }
        if (groups.nameTakenByOther(name, id)) {
            throw new ConflictException("a group named " + name + " exists already");
        }
        if (group.describe(name, description, clock.instant())) {
            groups.saveAndFlush(group);
            outbox.record(DirectoryEventTypes.GROUP_UPDATED, group.getId().toString(), GroupChanged.of(group));
        }
        return group;
    }

    /**
     * Adds people to a group, all or nothing: if any id is unknown, nothing is added and the answer names
     * them. People already in the group are left as they are. One event per person added.
     */
    @Transactional
    public MembershipResult addMembers(UUID groupId, List<String> personIds) {
        PersonGroup group = groups.findForUpdate(groupId).orElseThrow(() -> NotFoundException.of("group", groupId));
        List<String> ids = List.copyOf(new LinkedHashSet<>(personIds));
        List<String> unknown = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Instant now = clock.instant();
        for (List<String> chunk : chunks(ids)) {
            Set<String> existing = new HashSet<>(people.findExistingIds(chunk));
            chunk.stream().filter(id -> !existing.contains(id)).forEach(unknown::add);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("personIds", unknown.size() + " unknown person id(s): "
                    + String.join(", ", unknown.subList(0, Math.min(20, unknown.size())))
                    + (unknown.size() > 20 ? ", ..." : ""));
        }
        for (List<String> chunk : chunks(ids)) {
            // one statement per chunk; "returning" names exactly who was not a member yet
            List<String> fresh = jdbc.queryForList("""
                    insert into group_membership (group_id, person_id, added_at)
                    select ?, person_id, ? from unnest(?::varchar[]) as person_id
                    on conflict (group_id, person_id) do nothing
                    returning person_id
                    """, String.class, groupId, Timestamp.from(now), chunk.toArray(String[]::new));
            outbox.recordAll(DirectoryEventTypes.MEMBER_ADDED, fresh.stream().map(personId -> new Outbox.Event(
                    groupId.toString(), new MembershipChanged(groupId, group.getName(), personId, now))).toList());
            added.addAll(fresh);
        }
        return new MembershipResult(groupId, added, ids.size() - added.size());
    }

    /** Removes people from a group; ids that are not members are counted as unchanged. One event per person removed. */
    @Transactional
    public MembershipResult removeMembers(UUID groupId, List<String> personIds) {
        PersonGroup group = groups.findForUpdate(groupId).orElseThrow(() -> NotFoundException.of("group", groupId));
        List<String> ids = List.copyOf(new LinkedHashSet<>(personIds));
        List<String> removed = new ArrayList<>();
        Instant now = clock.instant();
        for (List<String> chunk : chunks(ids)) {
            List<String> members = memberships.findMembers(groupId, chunk);
            if (members.isEmpty()) {
                continue;
            }
            memberships.deleteMembers(groupId, members);
            outbox.recordAll(DirectoryEventTypes.MEMBER_REMOVED, members.stream().map(personId -> new Outbox.Event(
                    groupId.toString(), new MembershipChanged(groupId, group.getName(), personId, now))).toList());
            removed.addAll(members);
        }
        return new MembershipResult(groupId, removed, ids.size() - removed.size());
    }

    @Transactional(readOnly = true)
    public PersonGroup get(UUID id) {
        return groups.findById(id).orElseThrow(() -> NotFoundException.of("group", id));
    }

    @Transactional(readOnly = true)
    public Page<PersonGroup> search(String query, Pageable pageable) {
        return groups.search(LikePattern.contains(query), pageable);
    }

    @Transactional(readOnly = true)
    public Page<Person> members(UUID groupId, Pageable pageable) {
        get(groupId);
        return memberships.members(groupId, pageable);
    }

    @Transactional(readOnly = true)
    public Page<PersonGroup> groupsOf(String personId, Pageable pageable) {
        if (!people.existsById(personId)) {
            throw NotFoundException.of("person", personId);
        }
        return memberships.groupsOf(personId, pageable);
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }
}
