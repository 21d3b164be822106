package org.trainingsuite.trainingpass.pass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.trainingpass.passtype.Period;

class PassTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 31);
    private static final Instant NOW = Instant.parse("2026-01-31T10:00:00Z");
    private static final Period ANNUAL = new Period(12, Period.Unit.MONTHS);
    private static final Period MONTHLY = new Period(1, Period.Unit.MONTHS);

    private static Pass annual() {
        return Pass.issue(UUID.randomUUID(), UUID.randomUUID(), ANNUAL, UUID.randomUUID(), null, ISSUED, null,
                Pass.Origin.MANUAL, NOW);
    }

    @Test
    void anIssuedPassExpiresAfterTheOptionsPeriodAndGivesAccessThroughItsExpiryDay() {
        Pass pass = annual();
        assertThat(pass.getExpiresOn()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(pass.givesAccessOn(LocalDate.of(2027, 1, 31))).isTrue();
        assertThat(pass.statusOn(LocalDate.of(2027, 2, 1))).isEqualTo(PassStatus.EXPIRED);
        assertThat(pass.givesAccessOn(LocalDate.of(2027, 2, 1))).isFalse();
        Pass monthly = Pass.issue(UUID.randomUUID(), UUID.randomUUID(), MONTHLY, UUID.randomUUID(), null, ISSUED, null,
                Pass.Origin.MANUAL, NOW);
        assertThat(monthly.getExpiresOn()).as("months follow the calendar").isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void renewingARunningPassAddsThePeriodToItsExpiryAndAnExpiredOneCountsFromToday() {
        Pass running = annual();
        running.renew(UUID.randomUUID(), ANNUAL, null, LocalDate.of(2026, 6, 1), NOW);
        assertThat(running.getExpiresOn()).isEqualTo(LocalDate.of(2028, 1, 31));

        Pass lapsed = annual();
        lapsed.renew(UUID.randomUUID(), MONTHLY, null, LocalDate.of(2027, 3, 15), NOW);
        assertThat(lapsed.getExpiresOn()).isEqualTo(LocalDate.of(2027, 4, 15));
        assertThat(lapsed.statusOn(LocalDate.of(2027, 3, 15))).isEqualTo(PassStatus.ACTIVE);
    }

    @Test
    void aRenewalToAnExplicitDateMustEndLater() {
        Pass pass = annual();
        assertThatThrownBy(() -> pass.renew(null, null, LocalDate.of(2026, 12, 1), ISSUED, NOW))
                .isInstanceOf(InvalidInputException.class);
        pass.renew(null, null, LocalDate.of(2027, 6, 1), ISSUED, NOW);
        assertThat(pass.getExpiresOn()).isEqualTo(LocalDate.of(2027, 6, 1));
    }

    @Test
    void anExtensionMayShortenButNotBeforeTheIssueDate() {
        Pass pass = annual();
        assertThat(pass.extend(LocalDate.of(2026, 3, 1), ISSUED, NOW)).isTrue();
        assertThat(pass.extend(LocalDate.of(2026, 3, 1), ISSUED, NOW)).as("same date: no change").isFalse();
        assertThatThrownBy(() -> pass.extend(LocalDate.of(2026, 1, 1), ISSUED, NOW))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCancelledPassCanNeverBeMadeValidAgain() {
        Pass pass = annual();
        assertThat(pass.cancel("refund", NOW)).isTrue();
        assertThat(pass.cancel("again", NOW)).as("cancelling twice changes nothing").isFalse();
        assertThat(pass.getCancelReason()).isEqualTo("refund");
        assertThatThrownBy(() -> pass.renew(UUID.randomUUID(), ANNUAL, null, ISSUED, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pass.extend(LocalDate.of(2030, 1, 1), ISSUED, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> pass.reassign("someone", NOW)).isInstanceOf(ConflictException.class);
        assertThat(pass.givesAccessOn(ISSUED)).isFalse();
    }

    @Test
    void anExplicitExpiryOnIssueMayNotLieInThePast() {
        assertThatThrownBy(() -> Pass.issue(UUID.randomUUID(), UUID.randomUUID(), ANNUAL, UUID.randomUUID(), null, ISSUED,
                ISSUED.minusDays(1), Pass.Origin.MANUAL, NOW)).isInstanceOf(InvalidInputException.class);
    }
}
