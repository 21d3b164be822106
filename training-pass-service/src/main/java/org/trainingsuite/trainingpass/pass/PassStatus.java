package org.trainingsuite.trainingpass.pass;

/** ACTIVE until the day after its expiry date; CANCELLED for good. */
public enum PassStatus {
    ACTIVE, EXPIRED, CANCELLED
}
