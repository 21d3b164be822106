package org.trainingsuite.catalog.program;

/** How a program is delivered: online in the LMS, in a classroom, or both. */
public enum Delivery {
    ONLINE, CLASSROOM, BLENDED
}
