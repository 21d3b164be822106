package org.trainingsuite.learningplan.programs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A catalog program as catalog-service last described it: enough to judge requirements (activities count
 * as one session; a course or event with exactly one session is a single-session program) and to offer
 * its sessions in the registration workflow.
 */
public record KnownProgram(UUID id, String type, String title, BigDecimal credits, String status, List<Session> sessions) {

    /** One session a learner can be enrolled on. */
    public record Session(UUID sessionId, Instant startsAt, BigDecimal credits, String location) {
    }

    public int sessionCount() {
        return sessions.size();
    }

    public boolean isActivity() {
        return "ACTIVITY".equals(type);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }

    /** One unit towards a sessions requirement, with no session to choose. */
    public boolean isSingleSession() {
        return isActivity() || sessions.size() == 1;
    }

    /** The session to enroll on when there is nothing to choose: none for an activity, the only one otherwise. */
    public Optional<UUID> onlySession() {
        return !isActivity() && sessions.size() == 1 ? Optional.of(sessions.getFirst().sessionId()) : Optional.empty();
    }

    public Optional<Session> session(UUID sessionId) {
        return sessions.stream().filter(s -> s.sessionId().equals(sessionId)).findFirst();
    }

    /** What an enrollment on this program (and session) earns towards a credits requirement. */
    public BigDecimal creditsFor(UUID sessionId) {
        return sessionId == null ? credits : session(sessionId).map(Session::credits).orElse(credits);
    }
}
