package org.trainingsuite.trainingpass.passtype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;

class PassTypeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void publishingNeedsAPublishedOptionWhichNeedsAPrice() {
        PassType type = PassType.draft("ANNUAL", "All access", null, NOW);
        assertThatThrownBy(() -> type.publish(NOW)).isInstanceOf(ConflictException.class);
        PassOption option = type.addOption("Annual", new Period(12, Period.Unit.MONTHS), NOW);
        assertThatThrownBy(() -> type.publishOption(option.getId(), NOW)).isInstanceOf(ConflictException.class);
        type.addPrice(option.getId(), "EU", PricingMethod.CURRENCY, "EUR", new BigDecimal("100.00"), NOW);
        type.publishOption(option.getId(), NOW);
        assertThat(type.publish(NOW)).isTrue();
        assertThat(type.publish(NOW)).as("publishing again changes nothing").isFalse();
        assertThat(type.issuableOption(option.getId())).isSameAs(option);
    }

    @Test
    void theLastPublishedOptionOfAPublishedTypeCannotBeArchivedNorLoseItsLastPrice() {
        PassType type = PassType.draft("ANNUAL", "All access", null, NOW);
        PassOption option = type.addOption("Annual", new Period(12, Period.Unit.MONTHS), NOW);
        PassPrice price = type.addPrice(option.getId(), "EU", PricingMethod.TRAINING_TOKENS, null, new BigDecimal("40"), NOW);
        type.publishOption(option.getId(), NOW);
        type.publish(NOW);
        assertThatThrownBy(() -> type.archiveOption(option.getId(), NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> type.removePrice(option.getId(), price.getId(), NOW)).isInstanceOf(ConflictException.class);
        type.archive(NOW);
        type.archiveOption(option.getId(), NOW);
        assertThatThrownBy(() -> type.issuableOption(option.getId())).isInstanceOf(ConflictException.class);
    }

    @Test
    void pricesAreCheckedAsAWhole() {
        assertThat(PassPrice.validate("EU", PricingMethod.CURRENCY, "usd", new BigDecimal("10.5"))).isEqualTo("USD");
        assertThatThrownBy(() -> PassPrice.validate("EU", PricingMethod.CURRENCY, "EUR", new BigDecimal("10.001")))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("amount");
        assertThatThrownBy(() -> PassPrice.validate("EU", PricingMethod.TRAINING_TOKENS, "EUR", BigDecimal.TEN))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("currency");
        assertThatThrownBy(() -> PassPrice.validate(" ", PricingMethod.TRAINING_TOKENS, null, BigDecimal.TEN))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("region");
        assertThat(PassPrice.validate("EU", PricingMethod.TRAINING_TOKENS, null, new BigDecimal("12.000"))).isNull();
    }

    @Test
    void periodsAreBounded() {
        assertThatThrownBy(() -> new Period(0, Period.Unit.DAYS)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new Period(121, Period.Unit.MONTHS)).isInstanceOf(InvalidInputException.class);
        assertThat(new Period(30, Period.Unit.DAYS).after(java.time.LocalDate.of(2026, 2, 1)))
                .isEqualTo(java.time.LocalDate.of(2026, 3, 3));
    }
}
