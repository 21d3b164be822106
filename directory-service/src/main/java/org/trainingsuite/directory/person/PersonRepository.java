package org.trainingsuite.directory.person;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PersonRepository extends JpaRepository<Person, String> {

    @Query("""
            select p from Person p
            where (lower(p.name) like :pattern escape '\\' or lower(p.email) like :pattern escape '\\')
            and (:anyAccount = true or p.accountId = :accountId)
            """)
    Page<Person> search(@Param("pattern") String pattern, @Param("anyAccount") boolean anyAccount,
            @Param("accountId") UUID accountId, Pageable pageable);

    @Query("select count(p) > 0 from Person p where lower(p.email) = lower(:email)")
    boolean emailTaken(@Param("email") String email);

    @Query("select count(p) > 0 from Person p where lower(p.email) = lower(:email) and p.id <> :id")
    boolean emailTakenByOther(@Param("email") String email, @Param("id") String id);

    @Query("select p.id from Person p where p.id in :ids")
    List<String> findExistingIds(@Param("ids") Collection<String> ids);
}
