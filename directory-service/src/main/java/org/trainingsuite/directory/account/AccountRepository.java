package org.trainingsuite.directory.account;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AccountRepository extends JpaRepository<Account, UUID> {

    @Query("select a from Account a where lower(a.name) like :pattern escape '\\' or lower(coalesce(a.externalRef, '')) like :pattern escape '\\'")
    Page<Account> search(@Param("pattern") String pattern, Pageable pageable);

    boolean existsByExternalRef(String externalRef);
}
