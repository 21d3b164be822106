package org.trainingsuite.learningplan.plan;

/**
 * ENFORCED: a person registers by choosing enrollments for every requirement; NON_ENFORCED: they enroll as
 * they go; DISABLED: no registration, the plan is simply visible.
 */
public enum RegistrationType {
    ENFORCED, NON_ENFORCED, DISABLED
}
