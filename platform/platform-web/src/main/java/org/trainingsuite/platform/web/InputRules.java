package org.trainingsuite.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What every text, date and decimal a client sends must be, whatever the field, before any service code
 * sees it: checked in JSON bodies ({@link StrictJson}) and query parameters ({@link RequestLimitsFilter},
 * {@link BoundedDateConverters}). Each check answers the problem to report, or {@code null} when the value
 * is fine; the caller names the field.
 *
 * <ul>
 * <li>Text holds no control characters but tab, line feed and carriage return, and no lone UTF-16
 *     surrogate: PostgreSQL refuses NUL in text, and the others are never meant.</li>
 * <li>Dates and times lie in the years {@value #MIN_YEAR} to {@value #MAX_YEAR}: a training platform has
 *     no use for others, and further out date arithmetic overflows and PostgreSQL's range ends.</li>
 * <li>Decimals have at most {@value #MAX_DECIMAL_DIGITS} digits before and after the point: {@code 1e999999999}
 *     is one short JSON number, but rescaling it would take the whole heap.</li>
 * </ul>
 */
public final class InputRules {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    public static final int MAX_DECIMAL_DIGITS = 30;

    private InputRules() {
    }

    public static String textProblem(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode text";
            }
        }
        return null;
    }

    /** For any of the java.time values a request may carry; other objects pass. */
    public static String dateProblem(Object value) {
        int year;
        if (value instanceof LocalDate d) {
            year = d.getYear();
        } else if (value instanceof LocalDateTime d) {
            year = d.getYear();
        } else if (value instanceof OffsetDateTime d) {
            year = d.atZoneSameInstant(ZoneOffset.UTC).getYear();
        } else if (value instanceof ZonedDateTime d) {
            year = d.withZoneSameInstant(ZoneOffset.UTC).getYear();
        } else if (value instanceof Instant i) {
            if (i.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || !i.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
                return yearRange();
            }
            return null;
        } else if (value instanceof YearMonth m) {
            year = m.getYear();
        } else {
            return null;
        }
        return year < MIN_YEAR || year > MAX_YEAR ? yearRange() : null;
    }

    public static String decimalProblem(BigDecimal value) {
        int integerDigits = value.precision() - value.scale();
        if (integerDigits > MAX_DECIMAL_DIGITS || value.scale() > MAX_DECIMAL_DIGITS) {
            return "must have at most " + MAX_DECIMAL_DIGITS + " digits before and after the decimal point";
        }
        return null;
    }

    private static String yearRange() {
        return "must be a date between the years " + MIN_YEAR + " and " + MAX_YEAR;
    }
}
