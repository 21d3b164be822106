package org.trainingsuite.trainingpass.passtype;

/** Lifecycle of pass types and options: drafted, offered, withdrawn (and offered again if wanted). */
public enum PublicationStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
