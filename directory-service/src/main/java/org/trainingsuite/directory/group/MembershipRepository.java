package org.trainingsuite.directory.group;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.trainingsuite.directory.person.Person;

public interface MembershipRepository extends JpaRepository<GroupMembership, GroupMembership.Key> {

    @Query("select m.personId from GroupMembership m where m.groupId = :groupId and m.personId in :personIds")
    List<String> findMembers(@Param("groupId") UUID groupId, @Param("personIds") Collection<String> personIds);

    @Query(value = "select p from Person p where p.id in (select m.personId from GroupMembership m where m.groupId = :groupId)",
           countQuery = "select count(m) from GroupMembership m where m.groupId = :groupId")
    Page<Person> members(@Param("groupId") UUID groupId, Pageable pageable);

    @Modifying
    @Query("delete from GroupMembership m where m.groupId = :groupId and m.personId in :personIds")
    int deleteMembers(@Param("groupId") UUID groupId, @Param("personIds") Collection<String> personIds);

    @Query(value = "select g from PersonGroup g where g.id in (select m.groupId from GroupMembership m where m.personId = :personId)",
           countQuery = "select count(m) from GroupMembership m where m.personId = :personId")
    Page<PersonGroup> groupsOf(@Param("personId") String personId, Pageable pageable);
}
