package org.trainingsuite.trainingpass.order;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.trainingsuite.platform.persistence.Audited;

/**
 * A training pass interest on a sales opportunity: an account buys {@code quantity} passes of one type,
 * option and price, at a tax level. Accepting it issues the passes to the account (each carrying the
 * order and the opportunity's ids); accepting it again issues nothing more.
 */
@Entity
@Table(name = "pass_order")
public class PassOrder extends Audited {

    @Id
    private UUID id;
    private UUID accountId;
    private UUID passTypeId;
    private UUID optionId;
    private UUID priceId;
    private int quantity;
    private String taxLevel;
    private String opportunityRef;
    private String interestRef;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private Instant acceptedAt;

    protected PassOrder() {
    }

    static PassOrder place(UUID accountId, UUID passTypeId, UUID optionId, UUID priceId, int quantity, String taxLevel,
            String opportunityRef, String interestRef, Instant now) {
        PassOrder order = new PassOrder();
        order.id = UUID.randomUUID();
        order.accountId = accountId;
        order.passTypeId = passTypeId;
        order.optionId = optionId;
        order.priceId = priceId;
        order.quantity = quantity;
        order.taxLevel = taxLevel;
        order.opportunityRef = opportunityRef;
        order.interestRef = interestRef;
        order.status = OrderStatus.OPEN;
        order.created(now);
        return order;
    }

    /** @return false if it was accepted before (nothing to issue) */
    boolean accept(Instant now) {
        if (status == OrderStatus.ACCEPTED) {
            return false;
        }
        status = OrderStatus.ACCEPTED;
        acceptedAt = now;
        changed(now);
        return true;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public UUID getPassTypeId() {
        return passTypeId;
    }

    public UUID getOptionId() {
        return optionId;
    }

    public UUID getPriceId() {
        return priceId;
    }

    public int getQuantity() {
        return quantity;
    }

    public String getTaxLevel() {
        return taxLevel;
    }

    public String getOpportunityRef() {
        return opportunityRef;
    }

    public String getInterestRef() {
        return interestRef;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
