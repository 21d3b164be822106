package org.trainingsuite.catalog.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of the {@code catalog.programs} topic: the program as it is now, with its sessions and credits,
 * so that learning plans can count sessions and credits without calling back.
 */
public record ProgramChanged(UUID programId, ProgramType type, Delivery delivery, String title, String category,
                             BigDecimal credits, Integer accessDays, ProgramStatus status, List<SessionView> sessions) {

    public record SessionView(UUID sessionId, Instant startsAt, Instant endsAt, String timeZone, Integer capacity,
                              BigDecimal credits, String location, String lmsLink) {

        static SessionView of(ProgramSession s) {
            return new SessionView(s.getId(), s.getStartsAt(), s.getEndsAt(), s.getTimeZone(), s.getCapacity(),
                    s.getCredits(), s.getLocation(), s.getLmsLink());
        }
    }

    static ProgramChanged of(Program p, List<ProgramSession> sessions) {
        return new ProgramChanged(p.getId(), p.getType(), p.getDelivery(), p.getTitle(), p.getCategory(), p.getCredits(),
                p.getAccessDays(), p.getStatus(), sessions.stream().map(SessionView::of).toList());
    }
}
