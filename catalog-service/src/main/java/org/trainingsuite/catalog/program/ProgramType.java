package org.trainingsuite.catalog.program;

/** Courses and events have sessions; learning paths group items; activities have none and are started. */
public enum ProgramType {
    COURSE, EVENT, LEARNING_PATH, ACTIVITY;

    public boolean hasSessions() {
        return this == COURSE || this == EVENT;
    }
}
