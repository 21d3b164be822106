package org.trainingsuite.trainingpass.pass;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.trainingsuite.platform.errors.ConflictException;
import org.trainingsuite.platform.errors.InvalidInputException;
import org.trainingsuite.platform.persistence.Audited;
import org.trainingsuite.trainingpass.passtype.Period;

/**
 * A pass held by an account, and maybe assigned to one of its contacts.
 *
 * <p>Dates are calendar days (UTC). A pass gives access from its issue date through its expiry date,
 * inclusive; the day after, it is expired. The expiry counts from the day the pass was added to the
 * account, never from when a contact was assigned. A cancelled pass can never be made valid again.
 */
@Entity
@Table(name = "pass")
public class Pass extends Audited {

    @Id
    private UUID id;
    private UUID passTypeId;
    private UUID optionId;
    private UUID accountId;
    private String contactId;
    @Enumerated(EnumType.STRING)
    private PassStatus status;
    private LocalDate issuedOn;
    private LocalDate expiresOn;
    private UUID orderId;
    private String opportunityRef;
    private String interestRef;
    private String cancelReason;

    protected Pass() {
    }

    /** Where a pass came from: an order and the opportunity's ids, or nothing for a pass issued by hand. */
    public record Origin(UUID orderId, String opportunityRef, String interestRef) {

        public static final Origin MANUAL = new Origin(null, null, null);
    }

    /**
     * @param expiresOverride an explicit expiry instead of the option's period; not before {@code today}
     */
    public static Pass issue(UUID passTypeId, UUID optionId, Period period, UUID accountId, String contactId,
            LocalDate today, LocalDate expiresOverride, Origin origin, Instant now) {
        if (expiresOverride != null && expiresOverride.isBefore(today)) {
            throw new InvalidInputException("expiresOn", "must not be before the issue date " + today);
        }
        Pass pass = new Pass();
        pass.id = UUID.randomUUID();
        pass.passTypeId = passTypeId;
        pass.optionId = optionId;
        pass.accountId = accountId;
        pass.contactId = contactId;
        pass.status = PassStatus.ACTIVE;
        pass.issuedOn = today;
        pass.expiresOn = expiresOverride != null ? expiresOverride : period.after(today);
        pass.orderId = origin.orderId();
        pass.opportunityRef = origin.opportunityRef();
        pass.interestRef = origin.interestRef();
        pass.created(now);
        return pass;
    }

    /** The status as of {@code today}: an active pass past its expiry date is expired, even before the job marks it. */
    public PassStatus statusOn(LocalDate today) {
        return status == PassStatus.ACTIVE && today.isAfter(expiresOn) ? PassStatus.EXPIRED : status;
    }

    public boolean givesAccessOn(LocalDate today) {
        return statusOn(today) == PassStatus.ACTIVE && !today.isBefore(issuedOn);
    }

    /**
     * Renews for an option's period, counted from the current expiry if the pass still runs, else from
     * today; or to an explicit new expiry, later than the current one and not before today.
     */
    public void renew(UUID newOptionId, Period period, LocalDate explicitExpiry, LocalDate today, Instant now) {
        refuseIfCancelled("renewed");
        LocalDate next;
        if (explicitExpiry != null) {
            if (!explicitExpiry.isAfter(expiresOn) || explicitExpiry.isBefore(today)) {
                throw new InvalidInputException("expiresOn", "a renewal must end after the current expiry " + expiresOn
                        + " and not before today; to shorten a pass, extend it with an earlier date");
            }
            next = explicitExpiry;
        } else {
            LocalDate base = today.isAfter(expiresOn) ? today : expiresOn;
            next = period.after(base);
            optionId = newOptionId;
        }
        expiresOn = next;
        status = PassStatus.ACTIVE;
        changed(now);
    }

    /**
     * Sets a new expiry by hand, later or earlier (not before the issue date). A date in the past makes
     * the pass expire at the next run of the expiry job.
     *
     * @return whether the date changed
     */
    public boolean extend(LocalDate newExpiry, LocalDate today, Instant now) {
        refuseIfCancelled("extended");
        if (newExpiry.isBefore(issuedOn)) {
            throw new InvalidInputException("expiresOn", "must not be before the issue date " + issuedOn);
        }
        if (newExpiry.equals(expiresOn)) {
            return false;
        }
        expiresOn = newExpiry;
        if (status == PassStatus.EXPIRED && !today.isAfter(newExpiry)) {
            status = PassStatus.ACTIVE;
        }
        changed(now);
        return true;
    }

    /** @return false if the pass was cancelled already (cancelling is idempotent) */
    public boolean cancel(String reason, Instant now) {
        if (status == PassStatus.CANCELLED) {
            return false;
        }
        status = PassStatus.CANCELLED;
        cancelReason = reason;
        changed(now);
        return true;
    }

    /**
     * Moves the pass to another contact; the caller has checked that the contact belongs to the pass's
     * account.
     *
     * @return false if the pass already belonged to that contact
     */
    public boolean reassign(String newContactId, Instant now) {
        refuseIfCancelled("reassigned");
        if (Objects.equals(contactId, newContactId)) {
            return false;
        }
        contactId = newContactId;
        changed(now);
        return true;
    }

    private void refuseIfCancelled(String what) {
        if (status == PassStatus.CANCELLED) {
            throw new ConflictException("pass " + id + " is cancelled and cannot be " + what
                    + "; a cancelled pass can never be made valid again: issue a new pass");
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getPassTypeId() {
        return passTypeId;
    }

    public UUID getOptionId() {
        return optionId;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getContactId() {
        return contactId;
    }

    public PassStatus getStatus() {
        return status;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public UUID getOrderId() {
        return orderId;
    }

    public String getOpportunityRef() {
        return opportunityRef;
    }

    public String getInterestRef() {
        return interestRef;
    }

    public String getCancelReason() {
        return cancelReason;
    }
}
