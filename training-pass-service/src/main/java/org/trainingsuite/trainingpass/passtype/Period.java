package org.trainingsuite.trainingpass.passtype;

import java.time.LocalDate;
import org.trainingsuite.platform.errors.InvalidInputException;

/**
 * How long an option gives access: N days or N months. Months follow the calendar (an annual pass
 * issued on 29 February expires on 28 February the year after).
 */
public record Period(int value, Unit unit) {

    public enum Unit { DAYS, MONTHS }

    static final int MAX_DAYS = 3660;
    static final int MAX_MONTHS = 120;

    public Period {
        if (unit == null) {
            throw new InvalidInputException("periodUnit", "must be DAYS or MONTHS");
        }
        int max = unit == Unit.DAYS ? MAX_DAYS : MAX_MONTHS;
        if (value < 1 || value > max) {
            throw new InvalidInputException("periodValue", "must be between 1 and " + max + " " + unit.name().toLowerCase());
        }
    }

    /** The expiry of a pass that starts on {@code start}. */
    public LocalDate after(LocalDate start) {
        return unit == Unit.DAYS ? start.plusDays(value) : start.plusMonths(value);
    }
}
