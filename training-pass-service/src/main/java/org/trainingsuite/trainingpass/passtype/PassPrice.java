package org.trainingsuite.trainingpass.passtype;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.trainingsuite.platform.errors.InvalidInputException;

/**
 * A price of an option in one region. Currency prices name an ISO 4217 currency and use at most its
 * minor units (2 decimals for EUR, 0 for JPY); token prices have no currency and are whole tokens.
 * Amounts are exact decimals, never floating point.
 */
@Entity
@Table(name = "pass_price")
public class PassPrice {

    @Id
    private UUID id;
    private String region;
    @Enumerated(EnumType.STRING)
    private PricingMethod method;
    private String currency;
    private BigDecimal amount;
    private int position;

    protected PassPrice() {
    }

    PassPrice(String region, PricingMethod method, String currency, BigDecimal amount, int position) {
        this.id = UUID.randomUUID();
        this.region = region;
        this.method = method;
        this.currency = currency;
        this.amount = amount;
        this.position = position;
    }

    /** Checks a price's fields together; returns the normalised currency (upper case) or null. */
    static String validate(String region, PricingMethod method, String currency, BigDecimal amount) {
        if (region == null || region.isBlank()) {
            throw new InvalidInputException("region", "must not be blank");
        }
        if (method == null) {
            throw new InvalidInputException("method", "must be CURRENCY or TRAINING_TOKENS");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidInputException("amount", "must be greater than 0");
        }
        if (method == PricingMethod.TRAINING_TOKENS) {
            if (currency != null && !currency.isBlank()) {
                throw new InvalidInputException("currency", "must be empty for a TRAINING_TOKENS price");
            }
            if (amount.stripTrailingZeros().scale() > 0) {
                throw new InvalidInputException("amount", "must be a whole number of training tokens");
            }
            return null;
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidInputException("currency", "is required for a CURRENCY price (ISO 4217, e.g. EUR)");
        }
        Currency iso;
        try {
            iso = Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("currency", currency + " is not an ISO 4217 currency code");
        }
        int digits = Math.max(iso.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidInputException("amount", "has more than " + digits + " decimal(s) for " + iso.getCurrencyCode());
        }
        return iso.getCurrencyCode();
    }

    boolean sameSlot(String otherRegion, PricingMethod otherMethod, String otherCurrency) {
        return region.equalsIgnoreCase(otherRegion) && method == otherMethod
                && java.util.Objects.equals(currency, otherCurrency);
    }

    public UUID getId() {
        return id;
    }

    public String getRegion() {
        return region;
    }

    public PricingMethod getMethod() {
        return method;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public int getPosition() {
        return position;
    }
}
