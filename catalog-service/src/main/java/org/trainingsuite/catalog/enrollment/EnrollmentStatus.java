package org.trainingsuite.catalog.enrollment;

/** ENROLLED until completed, cancelled, or revoked (its source went away: a cancelled pass). */
public enum EnrollmentStatus {
    ENROLLED, COMPLETED, CANCELLED, REVOKED
}
