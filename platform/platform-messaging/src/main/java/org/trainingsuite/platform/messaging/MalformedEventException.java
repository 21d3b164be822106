package org.trainingsuite.platform.messaging;

/**
 * A message that can never be applied (missing CloudEvents attributes, a body that is not JSON or
 * does not fit). It is not retried: it goes straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
