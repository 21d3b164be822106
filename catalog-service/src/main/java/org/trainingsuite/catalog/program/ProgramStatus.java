package org.trainingsuite.catalog.program;

/** Drafted, offered, withdrawn. */
public enum ProgramStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
