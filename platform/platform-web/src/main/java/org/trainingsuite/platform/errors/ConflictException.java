package org.trainingsuite.platform.errors;

/**
 * The request is well formed but clashes with the current state (a duplicate, an illegal transition):
 * HTTP 409. Domain rules throw it with a reason a person can act on.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
