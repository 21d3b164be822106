package org.trainingsuite.catalog.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trainingsuite.catalog.program.Delivery;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;

/** The enrollment rules as plain code: no Spring, no database. */
class EnrollmentRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static Enrollment through(EnrollmentSource source) {
        return Enrollment.enroll("p1", UUID.randomUUID(), null, source, source == EnrollmentSource.DIRECT ? null : "x", NOW);
    }

    @Test
    void theLongestActiveGrantDecidesAndOneWithoutEndBeatsAnyEnd() {
        AccessDecisions.Grant shortPass = new AccessDecisions.Grant("TRAINING_PASS", "a", NOW.plusSeconds(100), true);
        AccessDecisions.Grant longPass = new AccessDecisions.Grant("TRAINING_PASS", "b", NOW.plusSeconds(900), true);
        AccessDecisions.Grant forever = new AccessDecisions.Grant("DIRECT", "c", null, true);
        AccessDecisions.Grant lapsed = new AccessDecisions.Grant("LEARNING_PLAN", "d", NOW.minusSeconds(5), false);

        assertThat(AccessDecisions.decidingGrant(List.of(shortPass, longPass))).contains(longPass);
        assertThat(AccessDecisions.decidingGrant(List.of(shortPass, forever, longPass))).contains(forever);
        assertThat(AccessDecisions.decidingGrant(List.of(lapsed))).isEmpty();
    }

    @Test
    void aLearnerCancelsOnlyOnlineEnrollmentsMadeThroughAPass() {
        assertThatCode(() -> through(EnrollmentSource.TRAINING_PASS).requireCancellableByLearner(Delivery.ONLINE))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> through(EnrollmentSource.TRAINING_PASS).requireCancellableByLearner(Delivery.CLASSROOM))
                .isInstanceOf(ConflictException.class).hasMessageContaining("classroom");
        assertThatThrownBy(() -> through(EnrollmentSource.TRAINING_PASS).requireCancellableByLearner(Delivery.BLENDED))
                .isInstanceOf(ConflictException.class).hasMessageContaining("blended");
        assertThatThrownBy(() -> through(EnrollmentSource.DIRECT).requireCancellableByLearner(Delivery.ONLINE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("administrator");
    }

    @Test
    void onlyALiveEnrollmentChangesAndAPlanOrPassEnrollmentNamesItsSource() {
        Enrollment e = through(EnrollmentSource.DIRECT);
        e.complete(NOW);
        assertThatThrownBy(() -> e.revoke("pass cancelled", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> e.cancel("late", NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> Enrollment.enroll("p1", UUID.randomUUID(), null, EnrollmentSource.LEARNING_PLAN, null, NOW))
                .isInstanceOf(InvalidInputException.class);
    }
}
