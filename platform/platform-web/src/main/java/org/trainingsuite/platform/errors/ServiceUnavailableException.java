package org.trainingsuite.platform.errors;

/**
 * A service this one must ask could not answer (down, too slow, its circuit open): HTTP 503. Used where an
 * answer must be authoritative and guessing is not allowed.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
