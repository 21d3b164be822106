package org.trainingsuite.platform.errors;

/** The addressed resource does not exist (or the caller may not know that it does): HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    /** e.g. {@code NotFoundException.of("person", id)} gives "person 42 not found". */
    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " not found");
    }
}
