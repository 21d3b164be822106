package org.trainingsuite.platform.errors;

/**
 * A value is invalid for a reason only the domain can tell (beyond bean validation): HTTP 400 naming
 * the field.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
