package org.trainingsuite.learningplan.plan;

/** What a milestone counts: sessions attended, credits earned, or nothing (an elective milestone). */
public enum Metric {
    SESSIONS, CREDITS, NONE
}
