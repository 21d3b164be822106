package org.trainingsuite.catalog.program;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SessionRepository extends JpaRepository<ProgramSession, UUID> {

    List<ProgramSession> findByProgramIdOrderByStartsAt(UUID programId);
}
