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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.NotFoundException;
import org.trainingsuite.platform.persistence.Audited;

/**
 * A kind of pass: what learners see (name, description), what admins call it (code), how it can be
 * held (options with prices) and, beside it, which catalog items it includes.
 *
 * <p>Rules: a pass type is published only with at least one published option; an option only with at
 * least one price; the last published option of a published pass type cannot be archived (archive the
 * pass type first). Archiving stops new passes; passes already issued keep their access until expiry.
 */
@Entity
@Table(name = "pass_type")
public class PassType extends Audited {

    @Id
    private UUID id;
    private String code;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private PublicationStatus status;
    // the aggregate is small (a few options, a few prices each) and always needed whole
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @JoinColumn(name = "pass_type_id", nullable = false)
    @OrderBy("position")
    private List<PassOption> options = new ArrayList<>();

    protected PassType() {
    }

    public static PassType draft(String code, String name, String description, Instant now) {
        PassType type = new PassType();
        type.id = UUID.randomUUID();
        type.code = code;
        type.name = name;
        type.description = description;
        type.status = PublicationStatus.DRAFT;
        type.created(now);
        return type;
    }

    public void describe(String newCode, String newName, String newDescription, Instant now) {
        code = newCode;
        name = newName;
        description = newDescription;
        changed(now);
    }

    public PassOption addOption(String optionName, Period period, Instant now) {
        PassOption option = new PassOption(optionName, period, options.size());
        options.add(option);
        changed(now);
        return option;
    }

    public PassPrice addPrice(UUID optionId, String region, PricingMethod method, String currency, BigDecimal amount,
            Instant now) {
        PassPrice price = option(optionId).addPrice(region, method, currency, amount);
        changed(now);
        return price;
    }

    public void removePrice(UUID optionId, UUID priceId, Instant now) {
        option(optionId).removePrice(priceId);
        changed(now);
    }

    public void publishOption(UUID optionId, Instant now) {
        option(optionId).publish();
        changed(now);
    }

    public void archiveOption(UUID optionId, Instant now) {
        PassOption option = option(optionId);
        if (status == PublicationStatus.PUBLISHED && option.isPublished()
                && options.stream().filter(PassOption::isPublished).count() == 1) {
            throw new ConflictException("option " + option.getName()
                    + " is the last published option of a published pass type; archive the pass type first");
        }
        option.archive();
        changed(now);
    }

    /** @return whether the status changed (publishing a published type again changes nothing) */
    public boolean publish(Instant now) {
        if (status == PublicationStatus.PUBLISHED) {
            return false;
        }
        if (options.stream().noneMatch(PassOption::isPublished)) {
            throw new ConflictException("pass type " + code + " cannot be published without a published option");
        }
        status = PublicationStatus.PUBLISHED;
        changed(now);
        return true;
    }

    /** @return whether the status changed */
    public boolean archive(Instant now) {
        if (status == PublicationStatus.ARCHIVED) {
            return false;
        }
        status = PublicationStatus.ARCHIVED;
        changed(now);
        return true;
    }

    /** The option a new pass may be issued with: both the type and the option must be published. */
    public PassOption issuableOption(UUID optionId) {
        if (status != PublicationStatus.PUBLISHED) {
            throw new ConflictException("pass type " + code + " is " + status + "; only published pass types can be issued");
        }
        PassOption option = option(optionId);
        if (!option.isPublished()) {
            throw new ConflictException("option " + option.getName() + " is " + option.getStatus()
                    + "; only published options can be issued");
        }
        return option;
    }

    public PassOption option(UUID optionId) {
        return options.stream().filter(o -> o.getId().equals(optionId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("option", optionId + " of pass type " + code));
    }

    public UUID getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public PublicationStatus getStatus() {
        return status;
    }

    public List<PassOption> getOptions() {
        return List.copyOf(options);
    }
}
