package org.trainingsuite.catalog.program;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A scheduled offering of a course or event. Seats are counted in the row ({@code seats_taken}) and
 * taken with one conditional update, so concurrent bookings never exceed the capacity.
 */
@Entity
@Table(name = "program_session")
public class ProgramSession {

    @Id
    private UUID id;
    private UUID programId;
    private Instant startsAt;
    private Instant endsAt;
    private String timeZone;
    private Integer capacity;
    private int seatsTaken;
    private String location;
    private String lmsLink;
    private BigDecimal credits;

    protected ProgramSession() {
    }

    public ProgramSession(UUID programId, Instant startsAt, Instant endsAt, String timeZone, Integer capacity,
            String location, String lmsLink, BigDecimal credits) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.timeZone = timeZone;
        this.capacity = capacity;
        this.location = location;
        this.lmsLink = lmsLink;
        this.credits = credits == null ? BigDecimal.ZERO : credits;
    }

    public UUID getId() {
        return id;
    }

    public UUID getProgramId() {
        return programId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public int getSeatsTaken() {
        return seatsTaken;
    }

    public String getLocation() {
        return location;
    }

    public String getLmsLink() {
        return lmsLink;
    }

    public BigDecimal getCredits() {
        return credits;
    }
}
