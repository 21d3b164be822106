package org.trainingsuite.learningplan.programs;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A catalog program as catalog-service last described it: enough to judge requirements (activities count
 * as one session; a course or event with exactly one session is a single-session program).
 */
public record KnownProgram(UUID id, String type, String title, BigDecimal credits, String status, int sessionCount) {

    public boolean isActivity() {
        return "ACTIVITY".equals(type);
    }

    /** One unit towards a sessions requirement, with no session to choose. */
    public boolean isSingleSession() {
        return isActivity() || sessionCount == 1;
    }
}
