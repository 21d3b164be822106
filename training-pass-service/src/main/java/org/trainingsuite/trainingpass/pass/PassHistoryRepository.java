package org.trainingsuite.trainingpass.pass;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PassHistoryRepository extends JpaRepository<PassHistoryEntry, Long> {

    List<PassHistoryEntry> findByPassIdOrderById(UUID passId);
}
