package org.trainingsuite.trainingpass.directory;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface KnownPersonRepository extends JpaRepository<KnownPerson, String> {

    boolean existsByIdAndAccountId(String id, UUID accountId);
}
