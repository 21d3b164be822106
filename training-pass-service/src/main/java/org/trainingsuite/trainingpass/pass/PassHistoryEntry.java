package org.trainingsuite.trainingpass.pass;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a pass's assignment history: what changed, when, by whom. Never updated or deleted. */
@Entity
@Table(name = "pass_history")
public class PassHistoryEntry {

    public enum Action { ISSUED, RENEWED, EXTENDED, CANCELLED, REASSIGNED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID passId;
    @Enumerated(EnumType.STRING)
    private Action action;
    private Instant at;
    private String actor;
    private String previousContactId;
    private String contactId;
    private LocalDate previousExpiresOn;
    private LocalDate expiresOn;
    private UUID optionId;
    private String note;

    protected PassHistoryEntry() {
    }

    PassHistoryEntry(Pass pass, Action action, Instant at, String actor, String previousContactId,
            LocalDate previousExpiresOn, String note) {
        this.passId = pass.getId();
        this.action = action;
        this.at = at;
        this.actor = actor;
        this.previousContactId = previousContactId;
        this.contactId = pass.getContactId();
        this.previousExpiresOn = previousExpiresOn;
        this.expiresOn = pass.getExpiresOn();
        this.optionId = pass.getOptionId();
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public UUID getPassId() {
        return passId;
    }

    public Action getAction() {
        return action;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getPreviousContactId() {
        return previousContactId;
    }

    public String getContactId() {
        return contactId;
    }

    public LocalDate getPreviousExpiresOn() {
        return previousExpiresOn;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public UUID getOptionId() {
        return optionId;
    }

    public String getNote() {
        return note;
    }
}
