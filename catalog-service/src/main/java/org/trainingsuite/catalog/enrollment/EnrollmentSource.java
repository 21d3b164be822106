package org.trainingsuite.catalog.enrollment;

/** Why a person is enrolled: booked directly, through a learning plan (plan id) or a training pass (pass id). */
public enum EnrollmentSource {
    DIRECT, LEARNING_PLAN, TRAINING_PASS
}
