package org.trainingsuite.learningplan.plan;

/** Drafted, offered, withdrawn. */
public enum PlanStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
