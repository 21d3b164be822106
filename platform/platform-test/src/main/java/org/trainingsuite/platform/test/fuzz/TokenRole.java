package org.trainingsuite.platform.test.fuzz;

/** Who a fuzzed request claims to be: the roles of the suite's tokens, or no token at all. */
public enum TokenRole {
    /** An administrator token. */
    ADMIN,
    /** A learner token; its subject is a known person id half of the time, else an unknown one. */
    LEARNER,
    /** A service-to-service token (short-lived, as services require). */
    SERVICE,
    /** No Authorization header. */
    NONE
}
