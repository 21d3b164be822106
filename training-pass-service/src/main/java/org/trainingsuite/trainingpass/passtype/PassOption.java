package org.trainingsuite.trainingpass.passtype;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.trainingsuite.platform.errors.ConflictException;

/** A way to hold a pass type: a period of access with its prices (e.g. "Annual", 12 months). */
@Entity
@Table(name = "pass_option")
public class PassOption {

    @Id
    private UUID id;
    private String name;
    private int periodValue;
    @Enumerated(EnumType.STRING)
    private Period.Unit periodUnit;
    @Enumerated(EnumType.STRING)
    private PublicationStatus status;
    private int position;
    // the aggregate is small (a few options, a few prices each) and always needed whole
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "option_id", nullable = false)
    @OrderBy("position")
    private List<PassPrice> prices = new ArrayList<>();

    protected PassOption() {
    }

    PassOption(String name, Period period, int position) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.periodValue = period.value();
        this.periodUnit = period.unit();
        this.status = PublicationStatus.DRAFT;
        this.position = position;
    }

    PassPrice addPrice(String region, PricingMethod method, String currency, BigDecimal amount) {
        if (status == PublicationStatus.ARCHIVED) {
            throw new ConflictException("option " + name + " is archived; prices can no longer be added");
        }
        String normalised = PassPrice.validate(region, method, currency, amount);
        String trimmedRegion = region.trim();
        if (prices.stream().anyMatch(p -> p.sameSlot(trimmedRegion, method, normalised))) {
            throw new ConflictException("option " + name + " already has a " + method + " price"
                    + (normalised == null ? "" : " in " + normalised) + " for region " + trimmedRegion);
        }
        PassPrice price = new PassPrice(trimmedRegion, method, normalised, amount, prices.size());
        prices.add(price);
        return price;
    }

    void removePrice(UUID priceId) {
        PassPrice price = price(priceId).orElseThrow(() -> new ConflictException("option " + name + " has no price " + priceId));
        if (status == PublicationStatus.PUBLISHED && prices.size() == 1) {
            throw new ConflictException("the last price of a published option cannot be removed; archive the option instead");
        }
        prices.remove(price);
    }

    /** Publishing needs at least one price. */
    void publish() {
        if (status == PublicationStatus.PUBLISHED) {
            return;
        }
        if (prices.isEmpty()) {
            throw new ConflictException("option " + name + " cannot be published without a price");
        }
        status = PublicationStatus.PUBLISHED;
    }

    void archive() {
        status = PublicationStatus.ARCHIVED;
    }

    public Optional<PassPrice> price(UUID priceId) {
        return prices.stream().filter(p -> p.getId().equals(priceId)).findFirst();
    }

    public Period period() {
        return new Period(periodValue, periodUnit);
    }

    public boolean isPublished() {
        return status == PublicationStatus.PUBLISHED;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public List<PassPrice> getPrices() {
        return List.copyOf(prices);
    }
}
