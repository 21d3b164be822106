package org.trainingsuite.trainingpass.passtype;

/** Kinds of catalog items a pass can include. */
public enum ItemType {
    COURSE, EVENT, LEARNING_PATH
}
